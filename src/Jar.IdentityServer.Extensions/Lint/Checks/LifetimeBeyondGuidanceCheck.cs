namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL034: FAPI 1.0 Advanced §5.2.2-13 bounds <c>exp - nbf</c> to 60 minutes; the FAPI 2.0 Security Profile has
/// servers reject <c>nbf</c>/<c>iat</c> 60 seconds or more ahead, which bounds the clock skew.
/// </summary>
internal sealed class LifetimeBeyondGuidanceCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (client.Policy.MaxRequestObjectLifetime > input.Options.MaxRequestObjectLifetime)
        {
            findings.Add(new JarLintFinding(JarLintRules.LifetimeBeyondGuidance, client.ClientId, nameof(JarPolicy.MaxRequestObjectLifetime),
                $"Client '{client.ClientId}': MaxRequestObjectLifetime is {client.Policy.MaxRequestObjectLifetime:c}; the guidance is at most {input.Options.MaxRequestObjectLifetime:c}."));
        }

        if (client.Policy.ClockSkew >= input.Options.MaxClockSkew)
        {
            findings.Add(new JarLintFinding(JarLintRules.LifetimeBeyondGuidance, client.ClientId, nameof(JarPolicy.ClockSkew),
                $"Client '{client.ClientId}': ClockSkew is {client.Policy.ClockSkew:c}; the guidance is under {input.Options.MaxClockSkew:c}."));
        }
    }
}
