using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Compliance;

/// <summary>A control the JAR policy puts in force for a client, the policy setting that is its evidence, and the frameworks it maps to.</summary>
/// <param name="Id">A stable id (<c>request-object</c>, <c>par</c>...).</param>
/// <param name="Name">The control in a few words.</param>
/// <param name="Setting">The policy setting that is the evidence (<c>RequireRequestObject</c>...).</param>
/// <param name="InForce">Whether a policy puts the control in force.</param>
/// <param name="References">The framework items the control maps to.</param>
public sealed record ComplianceControl(string Id, string Name, string Setting, Func<JarPolicy, bool> InForce, IReadOnlyList<FrameworkReference> References);
