using System.Text.Json;

namespace Jar.IdentityServer.Extensions.Client.Server;

/// <summary>What a client reads from the server's metadata (RFC 8414 §2, RFC 9126 §5, RFC 9101 §10.5).</summary>
/// <param name="Issuer">The issuer identifier: <c>aud</c> of request objects and client assertions.</param>
/// <param name="AuthorizationEndpoint">Where the user is sent.</param>
/// <param name="TokenEndpoint">Where codes are redeemed; <see langword="null"/> if not published.</param>
/// <param name="PushedAuthorizationRequestEndpoint">Where requests are pushed; <see langword="null"/> if the server has no PAR.</param>
/// <param name="JwksUri">The server's JWKS, with its request object encryption keys.</param>
/// <param name="RequestObjectSigningAlgorithms"><c>request_object_signing_alg_values_supported</c>.</param>
/// <param name="RequestObjectEncryptionAlgorithms"><c>request_object_encryption_alg_values_supported</c>.</param>
/// <param name="RequestObjectEncryptionEncodings"><c>request_object_encryption_enc_values_supported</c>.</param>
/// <param name="RequirePushedAuthorizationRequests"><c>require_pushed_authorization_requests</c>.</param>
/// <param name="RequireSignedRequestObject"><c>require_signed_request_object</c>.</param>
public sealed record AuthorizationServerMetadata(
    string Issuer,
    Uri AuthorizationEndpoint,
    Uri? TokenEndpoint,
    Uri? PushedAuthorizationRequestEndpoint,
    Uri? JwksUri,
    IReadOnlyList<string> RequestObjectSigningAlgorithms,
    IReadOnlyList<string> RequestObjectEncryptionAlgorithms,
    IReadOnlyList<string> RequestObjectEncryptionEncodings,
    bool RequirePushedAuthorizationRequests,
    bool RequireSignedRequestObject)
{
    /// <summary>Reads a metadata document.</summary>
    /// <param name="json">The document.</param>
    /// <exception cref="JarClientException">It is not a JSON object with an issuer and an authorization endpoint.</exception>
    public static AuthorizationServerMetadata Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new JarClientException("The server metadata is not a JSON object.");
            }

            return new AuthorizationServerMetadata(
                String(root, "issuer") ?? throw new JarClientException("The server metadata has no 'issuer'."),
                Url(root, "authorization_endpoint") ?? throw new JarClientException("The server metadata has no 'authorization_endpoint'."),
                Url(root, "token_endpoint"),
                Url(root, "pushed_authorization_request_endpoint"),
                Url(root, "jwks_uri"),
                Strings(root, "request_object_signing_alg_values_supported"),
                Strings(root, "request_object_encryption_alg_values_supported"),
                Strings(root, "request_object_encryption_enc_values_supported"),
                root.TryGetProperty("require_pushed_authorization_requests", out var par) && par.ValueKind == JsonValueKind.True,
                root.TryGetProperty("require_signed_request_object", out var signed) && signed.ValueKind == JsonValueKind.True);
        }
        catch (JsonException e)
        {
            throw new JarClientException("The server metadata is not JSON.", e);
        }
    }

    private static string? String(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static Uri? Url(JsonElement root, string name) =>
        String(root, name) is { } text && Uri.TryCreate(text, UriKind.Absolute, out var url) ? url : null;

    private static string[] Strings(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? [.. value.EnumerateArray().Where(static v => v.ValueKind == JsonValueKind.String).Select(static v => v.GetString()!)]
            : [];
}
