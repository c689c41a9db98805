namespace Jar.IdentityServer.Extensions;

/// <summary>A recorded change of a client's stored policy that loosened it: who, when, why, and what.</summary>
/// <param name="ClientId">The client whose policy changed.</param>
/// <param name="ChangedAt">When the change was written.</param>
/// <param name="Actor">Who made it: the operating system user of a command line, or the caller of an admin API.</param>
/// <param name="Reason">The reason given with the change.</param>
/// <param name="Loosenings">Each setting the change made weaker, before and after.</param>
public sealed record JarPolicyChange(string ClientId, DateTimeOffset ChangedAt, string Actor, string Reason, IReadOnlyList<JarPolicyLoosening> Loosenings);
