using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>
/// A test on one provider's database, shared by the tests of its class: each test has a client id of its own,
/// so tests never see each other's rows, and a clock of its own that only the test moves.
/// </summary>
public abstract class StoreTest<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected TDatabase Database { get; } = database;

    protected FakeTimeProvider Time { get; } = new(Start);

    protected string ClientId { get; } = "client-" + Guid.NewGuid().ToString("N");
}
