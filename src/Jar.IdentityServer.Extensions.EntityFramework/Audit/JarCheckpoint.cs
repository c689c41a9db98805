namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>A signed statement of the chain's head at one time, kept outside the database.</summary>
/// <param name="Sequence">The position of the record it covers.</param>
/// <param name="Hash">That record's hash.</param>
/// <param name="SignedAt">When it was signed.</param>
/// <param name="Kind"><c>head</c>, or <c>prune</c> for the checkpoint written before records up to it were pruned.</param>
/// <param name="Jws">The compact JWS (ES256, <c>typ</c> <c>jar-checkpoint+jwt</c>).</param>
public sealed record JarCheckpoint(long Sequence, string Hash, DateTimeOffset SignedAt, string Kind, string Jws);
