namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The explicit consent to store a policy that is weaker than the stored one: who gives it and why. Both are recorded
/// with the change (<see cref="JarPolicyChangeRecord"/>).
/// </summary>
/// <param name="Actor">Who makes the change: the operating system user of a command line, or the caller of an admin API.</param>
/// <param name="Reason">Why; required, and kept with the change.</param>
public sealed record JarPolicyLooseningApproval(string Actor, string Reason);
