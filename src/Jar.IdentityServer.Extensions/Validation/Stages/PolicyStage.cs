using Jar.IdentityServer.Extensions.Diagnostics;
using Jar.IdentityServer.Extensions.Rules.Authorization;
using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The client's policy: resolved from its store before anything is verified (the algorithm allow-list is part of
/// it), and applied to the assembled request by <see cref="JarPipeline.AuthorizationRequestRules"/>.
/// </summary>
internal sealed class PolicyStage(IJarPolicyStore policies, ILogger logger)
{
    /// <summary>The client's policy, or null when its store cannot answer (the caller refuses: fail closed).</summary>
    public async ValueTask<JarPolicy?> ResolveAsync(string clientId, CancellationToken cancellationToken)
    {
        try
        {
            return await policies.GetPolicyAsync(clientId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            JarLog.StoreFailed(logger, e, "policy", clientId);
            return null;
        }
    }

    /// <summary>Runs every policy rule over the assembled request; each adds its violations.</summary>
    public static void Check(AuthorizationRequestContext context, List<JarViolation> violations)
    {
        foreach (var rule in JarPipeline.AuthorizationRequestRules)
        {
            rule.Check(context, violations);
        }
    }
}
