namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The head of the decision chain (table <c>JarDecisionChainHeads</c>, one row): the last position and hash. Every
/// append locks this row inside its transaction, so appends from any number of host instances are serialised into one
/// chain, on every provider, without gaps or forks.
/// </summary>
public sealed class JarDecisionChainHead
{
    /// <summary>The one row's key.</summary>
    public const int SingleRowId = 1;

    /// <summary>Always <see cref="SingleRowId"/>.</summary>
    public int Id { get; set; }

    /// <summary>The sequence of the last record appended; 0 before the first.</summary>
    public long Sequence { get; set; }

    /// <summary>The hash of the last record appended; empty before the first.</summary>
    public string Hash { get; set; } = string.Empty;
}
