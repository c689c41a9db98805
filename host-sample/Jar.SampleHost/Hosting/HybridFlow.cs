using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Hosting;

/// <summary>
/// OpenIddict's hybrid flow brings three response types and the implicit grant into discovery. The host keeps the
/// hybrid types a configured JAR policy allows (FAPI 1.0 Advanced: <c>code id_token</c>) and drops the others, and
/// the implicit grant with them when none is left: discovery then advertises nothing no client may use (lint
/// JARL043, JARL044; RFC 8414 §2).
/// </summary>
internal static class HybridFlow
{
    public static void KeepOnlyWhatPoliciesAllow(OpenIddictServerOptions server, IOptions<JarHardeningOptions> jar)
    {
        var allowed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (clientId, overrides) in jar.Value.Clients)
        {
            try
            {
                allowed.UnionWith(JarProfiles.Resolve(clientId, overrides, jar.Value.DefaultProfile).Policy.AllowedResponseTypes);
            }
            catch (JarPolicyException)
            {
                // An invalid policy stops the host at start-up (JarHardeningOptionsValidator); it allows nothing here.
            }
        }

        server.ResponseTypes.RemoveWhere(t => IsHybrid(t) && !allowed.Contains(JarProfiles.NormalizeResponseType(t)));
        if (!server.ResponseTypes.Any(IsHybrid))
        {
            server.GrantTypes.Remove(GrantTypes.Implicit);
        }
    }

    private static bool IsHybrid(string responseType) =>
        responseType.Contains(' ', StringComparison.Ordinal) && responseType.Split(' ').Contains(ResponseTypes.Code, StringComparer.Ordinal);
}
