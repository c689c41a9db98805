namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL037: the FAPI 2.0 Security Profile bounds authorization codes to 60 seconds and PAR <c>request_uri</c> values
/// to under 600 seconds. Server-wide lifetimes, so checked once, and only when a client uses the FAPI 2.0 profile.
/// </summary>
internal sealed class ServerLifetimeBeyondGuidanceCheck : IJarLintCheck
{
    public void Check(JarLintInput input, List<JarLintFinding> findings)
    {
        var fapi2 = input.Clients.Where(c => c.Policy.Profile == JarProfiles.Fapi2MessageSigning).Select(c => c.ClientId).Order(StringComparer.Ordinal).ToList();
        if (fapi2.Count == 0)
        {
            return;
        }

        var server = input.Server;
        if (server.AuthorizationCodeLifetime is { } code && code > input.Options.MaxAuthorizationCodeLifetime)
        {
            findings.Add(new JarLintFinding(JarLintRules.ServerLifetimeBeyondGuidance, null, "AuthorizationCodeLifetime",
                $"Server: authorization codes live {code:c}, over {input.Options.MaxAuthorizationCodeLifetime:c}, and FAPI 2.0 clients are registered ({string.Join(", ", fapi2)})."));
        }

        if (server.RequestUriLifetime is { } requestUri && requestUri >= input.Options.MaxRequestUriLifetime)
        {
            findings.Add(new JarLintFinding(JarLintRules.ServerLifetimeBeyondGuidance, null, "RequestTokenLifetime",
                $"Server: PAR request_uri values live {requestUri:c}, not under {input.Options.MaxRequestUriLifetime:c}, and FAPI 2.0 clients are registered ({string.Join(", ", fapi2)})."));
        }
    }
}
