namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>How the decision chain is broken at the first broken record.</summary>
public enum JarChainBreak
{
    /// <summary>A record's fields no longer hash to its stored hash, or its hash differs from a signed checkpoint.</summary>
    Content,

    /// <summary>A record's previous hash is not the hash of the record before it.</summary>
    Link,

    /// <summary>Records are out of order: the chain's order disagrees with the order they were written in.</summary>
    Order,

    /// <summary>Records are missing: a gap in the sequence, or fewer records than the head or a checkpoint names.</summary>
    Missing,

    /// <summary>A record that holds no position in the chain was written after the chain began: added outside the trail.</summary>
    Inserted,
}
