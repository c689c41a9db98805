using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Hosting;

/// <summary>
/// Refuses plain HTTP beyond loopback: RFC 6749 §3.1 and §3.2 require TLS at the authorization and token endpoints,
/// so the exemption is only for a server that nothing but this machine can reach.
/// </summary>
internal sealed class ServerSettingsValidator(IConfiguration configuration) : IValidateOptions<ServerSettings>
{
    public ValidateOptionsResult Validate(string? name, ServerSettings options)
    {
        var failures = new List<string>();
        if (options.Issuer is { } issuer && (!issuer.IsAbsoluteUri || issuer.Query.Length > 0 || issuer.Fragment.Length > 0))
        {
            failures.Add($"Server:Issuer: '{issuer}' must be an absolute URL without query or fragment (RFC 8414 §2).");
        }

        if (options.SigningKeyAlgorithm is not (SecurityAlgorithms.EcdsaSha256 or SecurityAlgorithms.RsaSha256))
        {
            failures.Add($"Server:SigningKeyAlgorithm: '{options.SigningKeyAlgorithm}' is not ES256 or RS256.");
        }

        if (options.DisableTransportSecurityRequirement)
        {
            foreach (var url in SampleHostUrls.Configured(configuration).Where(u => !IsLoopback(u)))
            {
                failures.Add($"Server:DisableTransportSecurityRequirement is for loopback development only, but the host listens on '{url}'. Listen on 127.0.0.1, [::1] or localhost, or serve HTTPS and set it to false.");
            }

            if (options.Issuer is { IsAbsoluteUri: true } absolute && absolute.Scheme == Uri.UriSchemeHttp && !IsLoopback(absolute.AbsoluteUri))
            {
                failures.Add($"Server:DisableTransportSecurityRequirement is for loopback development only, but the issuer is '{absolute}'.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    // Kestrel's wildcard hosts (*, +, 0.0.0.0, [::]) listen on every interface.
    private static bool IsLoopback(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            return false;
        }

        return uri.IsLoopback || IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address);
    }
}
