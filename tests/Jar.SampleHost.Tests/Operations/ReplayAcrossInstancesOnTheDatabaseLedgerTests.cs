using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary><see cref="ReplayAcrossInstancesTests"/> with the replay ledger in the shared PostgreSQL database.</summary>
public sealed class ReplayAcrossInstancesOnTheDatabaseLedgerTests(SharedPostgreSqlInstances instances)
    : ReplayAcrossInstancesTests(instances), IClassFixture<SharedPostgreSqlInstances>
{
    [Fact]
    public async Task A_consumed_jti_is_held_in_the_database_ledger()
    {
        var attempt = Instances.A.Attempt(Instances.Clients.Signing);
        var requestObject = NewRequestObject(attempt);
        Outage.IsServed(await attempt.SendAsync(Delivery.ByValue, requestObject)).ShouldBeTrue();

        (await Stores.ReplayEntryExistsAsync(Instances.B, Instances.Clients.Signing.ClientId, Stores.Claim(requestObject, "jti"))).ShouldBeTrue();
    }
}
