using System.Text.Json;

namespace Jar.SampleHost.Demo;

/// <summary>What the demo client reads from the server's metadata (RFC 8414 §3, RFC 9126 §5).</summary>
/// <param name="Issuer">The issuer identifier: the <c>aud</c> of request objects and client assertions.</param>
/// <param name="AuthorizationEndpoint">Where the user is sent.</param>
/// <param name="TokenEndpoint">Where codes are redeemed.</param>
/// <param name="PushedAuthorizationRequestEndpoint">Where requests are pushed.</param>
/// <param name="JsonWebKeySetUri">The server's JWKS (<c>jwks_uri</c>): its request object encryption keys among them.</param>
/// <param name="RequestObjectEncryptionAlgorithms">
/// <c>request_object_encryption_alg_values_supported</c> (RFC 9101 §9.2 via OpenID Connect Discovery §3); empty when
/// the server takes no encrypted request objects.
/// </param>
public sealed record DemoDiscovery(
    string Issuer,
    Uri AuthorizationEndpoint,
    Uri TokenEndpoint,
    Uri PushedAuthorizationRequestEndpoint,
    Uri? JsonWebKeySetUri,
    IReadOnlyList<string> RequestObjectEncryptionAlgorithms)
{
    /// <summary>The metadata path, relative to the host's base address.</summary>
    public const string Path = ".well-known/openid-configuration";

    /// <summary>Reads the metadata from the host at <paramref name="http"/>'s base address.</summary>
    public static async Task<DemoDiscovery> FetchAsync(HttpClient http, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync(new Uri(Path, UriKind.Relative), cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoClientException($"The discovery document at {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        return new DemoDiscovery(
            Read(root, "issuer"),
            new Uri(Read(root, "authorization_endpoint")),
            new Uri(Read(root, "token_endpoint")),
            new Uri(Read(root, "pushed_authorization_request_endpoint")),
            root.TryGetProperty("jwks_uri", out var jwks) && jwks.ValueKind == JsonValueKind.String ? new Uri(jwks.GetString()!) : null,
            root.TryGetProperty("request_object_encryption_alg_values_supported", out var algorithms) && algorithms.ValueKind == JsonValueKind.Array
                ? algorithms.EnumerateArray().Where(static a => a.ValueKind == JsonValueKind.String).Select(static a => a.GetString()!).ToArray()
                : []);
    }

    private static string Read(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new DemoClientException($"The discovery document has no '{name}'.");
}
