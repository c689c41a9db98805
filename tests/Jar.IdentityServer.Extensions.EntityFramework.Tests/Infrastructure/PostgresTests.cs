namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL test classes run one after another (each still on a database of its own), so their connection
/// pools together stay under the server's connection limit while one of them runs 64 consumers at once.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class PostgresTests
{
    public const string Collection = "PostgreSQL";
}
