using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions.Client.Authentication;
using Jar.IdentityServer.Extensions.Client.RequestObjects;
using Jar.IdentityServer.Extensions.Client.Server;

namespace Jar.IdentityServer.Extensions.Client;

/// <summary>
/// A client of one authorization server: signs (and optionally encrypts) request objects for it, pushes them to its
/// PAR endpoint (RFC 9126) with client authentication, and builds the URL the user opens, by reference or by value.
/// Thread-safe; keep one per server and client.
/// </summary>
public sealed class JarClient
{
    private readonly HttpClient _http;
    private readonly RequestObjectBuilder _builder;
    private readonly ClientAuthentication _authentication;

    /// <summary>A client using <paramref name="http"/> as its back channel.</summary>
    /// <param name="http">The back channel to the server.</param>
    /// <param name="options">The settings; validated here.</param>
    public JarClient(HttpClient http, JarClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _http = http;
        Options = options;
        _builder = new RequestObjectBuilder(options.ClientId, options.Keys, options.TimeProvider) { Lifetime = options.RequestObjectLifetime };
        _authentication = options.Authentication ?? ClientAuthentication.PrivateKeyJwt(options.Keys, options.TimeProvider);
        Server = new AuthorizationServerDirectory(http, options.Issuer, options.MetadataAddress, options.TimeProvider) { CacheDuration = options.MetadataCacheDuration };
    }

    /// <summary>The settings.</summary>
    public JarClientOptions Options { get; }

    /// <summary>The server's metadata and keys, cached.</summary>
    public AuthorizationServerDirectory Server { get; }

    /// <summary>The client authentication used at PAR (and available for the token endpoint).</summary>
    public ClientAuthentication Authentication => _authentication;

    /// <summary>Signs a request object carrying <paramref name="parameters"/>, then encrypts it when <see cref="JarClientOptions.Encryption"/> says so.</summary>
    /// <param name="parameters">The authorization parameters.</param>
    /// <param name="cancellationToken">Cancels the metadata and JWKS fetches.</param>
    public async Task<string> CreateRequestObjectAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        var signed = _builder.Build(Options.Issuer, parameters);
        if (Options.Encryption == RequestObjectEncryption.None)
        {
            return signed;
        }

        string[] algorithms = Options.Encryption switch
        {
            RequestObjectEncryption.RsaOaep256 => [JarAlgorithms.RsaOaep256],
            RequestObjectEncryption.EcdhEs => [JarAlgorithms.EcdhEs],
            _ => [JarAlgorithms.RsaOaep256, JarAlgorithms.EcdhEs],
        };
        var key = await Server.GetEncryptionKeyAsync(algorithms, keyId: null, cancellationToken).ConfigureAwait(false);
        return RequestObjectEncryptor.Encrypt(signed, key);
    }

    /// <summary>
    /// Pushes a request object carrying <paramref name="parameters"/> to the PAR endpoint, authenticated, and returns
    /// the <c>request_uri</c> and the URL to open.
    /// </summary>
    /// <param name="parameters">The authorization parameters (redirect_uri, scope, state, code_challenge ...).</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <exception cref="JarServerException">The server refused; its error, description and rule id are in <see cref="JarServerException.Refusal"/>.</exception>
    /// <exception cref="JarClientException">The server has no PAR endpoint, or answered something that is not PAR.</exception>
    public async Task<PushedAuthorizationResult> PushAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        var requestObject = await CreateRequestObjectAsync(parameters, cancellationToken).ConfigureAwait(false);
        return await PushRequestObjectAsync(requestObject, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Pushes a request object built elsewhere (signed, perhaps encrypted) to the PAR endpoint, authenticated, and
    /// returns the <c>request_uri</c> and the URL to open.
    /// </summary>
    /// <param name="requestObject">The compact JWS or JWE.</param>
    /// <param name="cancellationToken">Cancels the exchange.</param>
    /// <exception cref="JarServerException">The server refused; its error, description and rule id are in <see cref="JarServerException.Refusal"/>.</exception>
    /// <exception cref="JarClientException">The server has no PAR endpoint, or answered something that is not PAR.</exception>
    public async Task<PushedAuthorizationResult> PushRequestObjectAsync(string requestObject, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestObject);
        var metadata = await Server.GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = metadata.PushedAuthorizationRequestEndpoint
            ?? throw new JarClientException($"The server {Options.Issuer} publishes no pushed_authorization_request_endpoint.");

        // RFC 9126 §3: with a request object, the body carries client_id, request and the client's authentication.
        var form = new Dictionary<string, string>(StringComparer.Ordinal) { ["client_id"] = Options.ClientId, ["request"] = requestObject };
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        _authentication.Apply(request, form, Options.ClientId, metadata.Issuer);
        request.Content = new FormUrlEncodedContent(form);

        string body;
        HttpStatusCode status;
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            status = response.StatusCode;
            body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new JarClientException($"{endpoint} cannot be reached: {e.Message}", e);
        }

        if (status != HttpStatusCode.Created && status != HttpStatusCode.OK)
        {
            throw JarServerRefusal.Parse(status, body) is { } refusal
                ? new JarServerException(refusal, endpoint)
                : new JarClientException($"{endpoint} answered {(int)status} without an OAuth error.");
        }

        var (requestUri, expiresIn) = ReadPushResponse(body, endpoint);
        return new PushedAuthorizationResult(requestUri, expiresIn, AuthorizationUrl(metadata, ("request_uri", requestUri)), requestObject);
    }

    /// <summary>The URL that sends <paramref name="parameters"/> by value: the authorization endpoint with <c>client_id</c> and <c>request</c> (RFC 9101 §5.1).</summary>
    /// <param name="parameters">The authorization parameters.</param>
    /// <param name="cancellationToken">Cancels the metadata fetch.</param>
    public async Task<Uri> CreateAuthorizationUrlAsync(IEnumerable<KeyValuePair<string, string?>> parameters, CancellationToken cancellationToken = default)
    {
        var metadata = await Server.GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        var requestObject = await CreateRequestObjectAsync(parameters, cancellationToken).ConfigureAwait(false);
        return AuthorizationUrl(metadata, ("request", requestObject));
    }

    private Uri AuthorizationUrl(AuthorizationServerMetadata metadata, (string Name, string Value) reference)
    {
        var url = new StringBuilder(metadata.AuthorizationEndpoint.AbsoluteUri);
        url.Append(string.IsNullOrEmpty(metadata.AuthorizationEndpoint.Query) ? '?' : '&');
        url.Append("client_id=").Append(Uri.EscapeDataString(Options.ClientId));
        url.Append('&').Append(reference.Name).Append('=').Append(Uri.EscapeDataString(reference.Value));
        return new Uri(url.ToString());
    }

    private static (string RequestUri, TimeSpan ExpiresIn) ReadPushResponse(string body, Uri endpoint)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object &&
                root.TryGetProperty("request_uri", out var uri) && uri.ValueKind == JsonValueKind.String &&
                root.TryGetProperty("expires_in", out var expires) && expires.ValueKind == JsonValueKind.Number && expires.TryGetInt64(out var seconds) && seconds > 0)
            {
                return (uri.GetString()!, TimeSpan.FromSeconds(seconds));
            }
        }
        catch (JsonException)
        {
            // Reported below.
        }

        throw new JarClientException(string.Create(CultureInfo.InvariantCulture, $"{endpoint} answered without request_uri and expires_in (RFC 9126 §2.2)."));
    }
}
