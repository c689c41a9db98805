namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>
/// JARL023: RFC 9700 §4.14.2: refresh tokens of public clients are sender-constrained or rotated; rotation also
/// tells a server that a stolen refresh token was used. Only where the host can rotate (<see cref="JarLintServer.RefreshTokenRotation"/> false).
/// </summary>
internal sealed class RefreshTokenWithoutRotationCheck : ClientCheck
{
    protected override void Check(JarLintInput input, JarLintClient client, List<JarLintFinding> findings)
    {
        if (input.Server.RefreshTokenRotation == false && client.GrantTypes.Contains("refresh_token"))
        {
            findings.Add(new JarLintFinding(JarLintRules.RefreshTokenWithoutRotation, client.ClientId, "GrantTypes",
                $"Client '{client.ClientId}': the registration permits refresh tokens and the server does not rotate them."));
        }
    }
}
