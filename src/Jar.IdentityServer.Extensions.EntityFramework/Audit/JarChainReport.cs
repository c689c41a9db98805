namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The result of verifying the decision chain against itself, its head and the last signed checkpoints.</summary>
/// <param name="Records">How many chained records were read.</param>
/// <param name="Break">How it is broken; null when intact.</param>
/// <param name="RecordId">The id of the first broken record (null when the break is after the last record).</param>
/// <param name="Sequence">The chain position of the break.</param>
/// <param name="Detail">What differs, in words.</param>
/// <param name="LastCheckpoint">The last signed checkpoint the chain was checked against, when there was one.</param>
public sealed record JarChainReport(long Records, JarChainBreak? Break, long? RecordId, long? Sequence, string? Detail, JarCheckpoint? LastCheckpoint)
{
    /// <summary>True when nothing is broken.</summary>
    public bool Intact => Break is null;
}
