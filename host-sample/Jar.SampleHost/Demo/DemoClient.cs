using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Demo;

/// <summary>
/// The client side of the walk-through, speaking to the host over HTTP like any client would: it builds an
/// authorization request (signed request object, PAR, PKCE) and redeems the code. It signs with the demo client's
/// private key, which only a demo host keeps.
/// </summary>
public sealed class DemoClient
{
    private const string JwtBearerAssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private static readonly JsonWebTokenHandler Tokens = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly SampleClientSettings _settings;
    private readonly JsonWebKey? _signingKey;
    private readonly HttpClient _http;
    private readonly PendingAuthorizationStore _pending;
    private readonly TimeProvider _time;

    internal DemoClient(string clientId, SampleClientSettings settings, JarPolicy policy, JsonWebKey? signingKey, HttpClient http, PendingAuthorizationStore pending, TimeProvider time)
    {
        ClientId = clientId;
        Policy = policy;
        _settings = settings;
        _signingKey = signingKey;
        _http = http;
        _pending = pending;
        _time = time;
    }

    /// <summary>The client.</summary>
    public string ClientId { get; }

    /// <summary>The client's effective JAR policy.</summary>
    public JarPolicy Policy { get; }

    /// <summary>What the policy asks for: PAR where required, a request object whenever the client can sign one, else the query.</summary>
    public DemoDelivery DefaultDelivery =>
        Policy.RequirePushedAuthorizationRequests ? DemoDelivery.PushedRequestObject
        : _signingKey is not null || Policy.RequireRequestObject ? DemoDelivery.RequestObjectByValue
        : DemoDelivery.Query;

    /// <summary>
    /// Prepares an authorization request for the code flow with a fresh state, nonce and PKCE verifier, keeps the
    /// verifier under the state, pushes the request where <paramref name="delivery"/> says so, and returns the URL to open.
    /// </summary>
    public async Task<DemoAuthorizationRequest> StartAsync(DemoDelivery? delivery, CancellationToken cancellationToken)
    {
        var how = delivery ?? DefaultDelivery;
        var discovery = await DemoDiscovery.FetchAsync(_http, cancellationToken).ConfigureAwait(false);
        var (parameters, verifier) = NewParameters();
        var state = parameters["state"];
        var redirectUri = parameters["redirect_uri"];

        string? signed = null;
        string? requestObject = null;
        string? requestUri = null;
        int? expiresIn = null;
        Dictionary<string, string?> front;
        switch (how)
        {
            case DemoDelivery.Query:
                front = parameters.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal);
                break;
            case DemoDelivery.RequestObjectByValue:
                // RFC 9101 §5: client_id and request suffice; every other parameter lives inside the object.
                signed = SignRequestObject(parameters, discovery.Issuer);
                requestObject = await ProtectAsync(discovery, signed, cancellationToken).ConfigureAwait(false);
                front = new(StringComparer.Ordinal) { ["client_id"] = ClientId, ["request"] = requestObject };
                break;
            case DemoDelivery.PushedRequestObject:
                signed = _signingKey is null ? null : SignRequestObject(parameters, discovery.Issuer);
                requestObject = signed is null ? null : await ProtectAsync(discovery, signed, cancellationToken).ConfigureAwait(false);
                (requestUri, expiresIn) = await PushAsync(discovery, parameters, requestObject, cancellationToken).ConfigureAwait(false);
                front = new(StringComparer.Ordinal) { ["client_id"] = ClientId, ["request_uri"] = requestUri };
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(delivery), how, "Unknown delivery.");
        }

        await _pending.SaveAsync(new PendingAuthorization
        {
            State = state,
            ClientId = ClientId,
            CodeVerifier = verifier,
            RedirectUri = redirectUri,
            CreatedAt = _time.GetUtcNow(),
        }, cancellationToken).ConfigureAwait(false);

        var url = new Uri(QueryHelpers.AddQueryString(discovery.AuthorizationEndpoint.AbsoluteUri, front));
        return new DemoAuthorizationRequest(ClientId, url, state, how, requestObject, signed, requestUri, expiresIn);
    }

    /// <summary>
    /// <paramref name="count"/> distinct authorization requests for a load test, as the path and query to send to
    /// the authorization endpoint: by value when the client can sign (each object with its own <c>jti</c>, state,
    /// nonce and PKCE pair), else the query parameters. Nothing is pushed or kept: these requests are never redeemed.
    /// </summary>
    public async Task<string[]> LoadRequestsAsync(int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var discovery = await DemoDiscovery.FetchAsync(_http, cancellationToken).ConfigureAwait(false);
        var path = discovery.AuthorizationEndpoint.AbsolutePath;
        var requests = new string[count];

        // Signing is the slow part (RSA): on every core.
        Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (parameters, _) = NewParameters();
            var front = _signingKey is null
                ? parameters.ToDictionary(p => p.Key, p => (string?)p.Value, StringComparer.Ordinal)
                : new Dictionary<string, string?>(StringComparer.Ordinal) { ["client_id"] = ClientId, ["request"] = SignRequestObject(parameters, discovery.Issuer) };
            requests[i] = QueryHelpers.AddQueryString(path, front);
        });
        return requests;
    }

    /// <summary>Redeems <paramref name="code"/> at the token endpoint with the client's credentials and the kept PKCE verifier (RFC 6749 §4.1.3, RFC 7636 §4.5).</summary>
    public async Task<DemoTokenResponse> RedeemAsync(PendingAuthorization pending, string code, string? issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pending);
        var discovery = await DemoDiscovery.FetchAsync(_http, cancellationToken).ConfigureAwait(false);

        // RFC 9207 §2.4: a response that names another issuer is not for this request (mix-up defence).
        if (issuer is not null && !string.Equals(issuer, discovery.Issuer, StringComparison.Ordinal))
        {
            throw new DemoClientException($"The authorization response came from issuer '{issuer}', not from '{discovery.Issuer}'; the code is not redeemed.");
        }

        var form = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = pending.RedirectUri,
            ["code_verifier"] = pending.CodeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.TokenEndpoint);
        Authenticate(request, form, discovery.Issuer);
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.OK)
        {
            await _pending.RemoveAsync(pending.State, cancellationToken).ConfigureAwait(false);
        }

        return new DemoTokenResponse((int)response.StatusCode, body);
    }

    // RFC 9101 §6.1: sign, then encrypt to the server where the client's policy requires it.
    private async Task<string> ProtectAsync(DemoDiscovery discovery, string signed, CancellationToken cancellationToken) =>
        Policy.RequireEncryptedRequestObject
            ? await DemoEncryption.EncryptAsync(_http, discovery, Policy, ClientId, signed, cancellationToken).ConfigureAwait(false)
            : signed;

    /// <summary>
    /// The authorization parameters of a code flow request with a fresh state, nonce and PKCE pair: the claims of
    /// the request object, the fixture of docs/conformance/catalogue.md (R0), the baseline the conformance suite sends. Returns the PKCE verifier too.
    /// </summary>
    private (Dictionary<string, string> Parameters, string Verifier) NewParameters()
    {
        var (verifier, challenge) = Pkce.Create();
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["client_id"] = ClientId,
            ["response_type"] = "code",
            ["redirect_uri"] = _settings.RedirectUris[0],
            ["scope"] = string.Join(' ', _settings.Scopes),
            ["state"] = Pkce.RandomValue(),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        if (_settings.Scopes.Contains("openid"))
        {
            parameters["nonce"] = Pkce.RandomValue();
        }

        return (parameters, verifier);
    }

    private async Task<(string RequestUri, int? ExpiresIn)> PushAsync(DemoDiscovery discovery, Dictionary<string, string> parameters, string? requestObject, CancellationToken cancellationToken)
    {
        // RFC 9126 §3: a signed request object travels as 'request'; client authentication beside it.
        var form = requestObject is null
            ? new Dictionary<string, string>(parameters, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal) { ["client_id"] = ClientId, ["request"] = requestObject };
        using var request = new HttpRequestMessage(HttpMethod.Post, discovery.PushedAuthorizationRequestEndpoint);
        Authenticate(request, form, discovery.Issuer);
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new DemoClientException($"The PAR endpoint refused the request with {(int)response.StatusCode}: {body}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        var requestUri = root.TryGetProperty("request_uri", out var uri) && uri.ValueKind == JsonValueKind.String
            ? uri.GetString()!
            : throw new DemoClientException($"The PAR response has no request_uri: {body}");
        return (requestUri, root.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? seconds : null);
    }

    private void Authenticate(HttpRequestMessage request, Dictionary<string, string> form, string issuer)
    {
        if (_signingKey is not null)
        {
            // RFC 7523 §2.2 private_key_jwt; FAPI 2.0 Security Profile §5.3.2.1-8: aud is the issuer, as a string.
            form["client_id"] = ClientId;
            form["client_assertion_type"] = JwtBearerAssertionType;
            form["client_assertion"] = SignClientAssertion(issuer);
        }
        else if (_settings.Secret is { } secret)
        {
            // RFC 6749 §2.3.1: client_secret_basic, each part form-url-encoded first.
            form.Remove("client_id");
            var credentials = Uri.EscapeDataString(ClientId) + ":" + Uri.EscapeDataString(secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }
        else
        {
            form["client_id"] = ClientId;
        }
    }

    private string SignRequestObject(Dictionary<string, string> parameters, string issuer)
    {
        var key = _signingKey ?? throw new DemoClientException($"Client '{ClientId}' has no DemoPrivateKey to sign a request object with.");
        var now = _time.GetUtcNow().UtcDateTime;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "oauth-authz-req+jwt", // RFC 9101 §10.8
            Issuer = ClientId,
            Audience = issuer,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            Claims = new Dictionary<string, object>(parameters.Select(p => new KeyValuePair<string, object>(p.Key, p.Value)), StringComparer.Ordinal)
            {
                // RFC 9101 §10.2, RFC 7519 §4.1.7: a one-time identifier, so the server's replay ledger can refuse a
                // second use of the same object.
                ["jti"] = Pkce.RandomValue(),
            },
            SigningCredentials = new SigningCredentials(key, Algorithm(key)),
        });
    }

    private string SignClientAssertion(string issuer)
    {
        var key = _signingKey!;
        var now = _time.GetUtcNow().UtcDateTime;
        return Tokens.CreateToken(new SecurityTokenDescriptor
        {
            // OpenIddict 7.8 accepts only this type for client assertions.
            TokenType = "client-authentication+jwt",
            Issuer = ClientId,
            Audience = issuer,
            IssuedAt = now,
            Expires = now.AddMinutes(1),
            Claims = new Dictionary<string, object>(StringComparer.Ordinal)
            {
                ["sub"] = ClientId,
                ["jti"] = Pkce.RandomValue(),
            },
            SigningCredentials = new SigningCredentials(key, Algorithm(key)),
        });
    }

    private static string Algorithm(JsonWebKey key) =>
        key.Alg is { Length: > 0 } alg ? alg
        : key.Kty == JsonWebAlgorithmsKeyTypes.EllipticCurve ? SecurityAlgorithms.EcdsaSha256
        : SecurityAlgorithms.RsaSsaPssSha256;
}
