namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Settings of the Entity Framework Core stores. Validated at start-up.</summary>
public sealed class JarEntityFrameworkStoreOptions
{
    /// <summary>
    /// How long a client's resolved policy is kept in memory by each instance (0 to 5 minutes; zero reads the
    /// database for every request). A change made through <see cref="IJarPolicyAdministration"/> is seen at once
    /// by the instance that made it, and by the others within this time. Failures are never cached.
    /// </summary>
    public TimeSpan PolicyCacheDuration { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often expired replay entries are deleted (1 second to 1 day).</summary>
    public TimeSpan ReplayPruneInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The most decision records one instance appends to the chain in one transaction (1 to 256) on SQLite and
    /// PostgreSQL: the records that arrive while an append is under way go in together with the next, each request
    /// still answered only once its record is committed. 1 appends each record in a transaction of its own.
    /// </summary>
    public int MaxAppendBatch { get; set; } = 64;
}
