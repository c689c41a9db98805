using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Testing;

/// <summary>
/// One authorization attempt of one client, as the conformance suite's client makes it: a fresh state, nonce and
/// PKCE pair, the baseline request object R0 (the fixture of docs/conformance/catalogue.md), and the knobs a test turns before sending it.
/// </summary>
public sealed class AuthorizationAttempt
{
    /// <summary>The scope R0 asks for.</summary>
    public const string Scope = "openid profile accounts";

    /// <summary>Parameters the suite duplicates outside a request object sent by value (OpenID Connect Core §6.1).</summary>
    private static readonly string[] OuterDuplicates = ["response_type", "scope", "redirect_uri"];

    /// <summary>The authorization parameters of R0 that a plain (unsigned) request carries as query or form parameters.</summary>
    private static readonly string[] AuthorizationParameters =
        ["client_id", "redirect_uri", "scope", "state", "nonce", "response_type", "code_challenge", "code_challenge_method"];

    private readonly IAuthorizationServer _server;
    private IUserAgent? _userAgent;

    public AuthorizationAttempt(IAuthorizationServer server, TestClient client, string responseType = "code")
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(client);
        _server = server;
        Client = client;
        Authenticator = client.IsPublic ? null : client;
        OuterClientId = client.ClientId;
        State = "st-" + Random();
        Nonce = "n-" + Random();
        Pkce = Pkce.Create();
        var now = Now;
        RequestObject = new RequestObjectBuilder(client.Key)
            .With("client_id", client.ClientId)
            .With("redirect_uri", client.RedirectUri)
            .With("scope", Scope)
            .With("state", State)
            .With("nonce", Nonce)
            .With("response_type", responseType)
            .With("code_challenge", Pkce.Challenge)
            .With("code_challenge_method", "S256")
            .With("nbf", now)
            .With("exp", now + 300)
            .With("aud", server.Issuer)
            .With("iss", client.ClientId);
    }

    public TestClient Client { get; }

    public string Issuer => _server.Issuer;

    /// <summary>The server's clock, in NumericDate seconds.</summary>
    public long Now => _server.Time.GetUtcNow().ToUnixTimeSeconds();

    public string State { get; }

    public string Nonce { get; }

    public Pkce Pkce { get; }

    /// <summary>R0 of this client, signed with its key; change it before sending.</summary>
    public RequestObjectBuilder RequestObject { get; }

    /// <summary>The client_id sent outside the object; null sends none.</summary>
    public string? OuterClientId { get; set; }

    /// <summary>Who authenticates (private_key_jwt) at the PAR endpoint; null sends no client authentication.</summary>
    public TestClient? Authenticator { get; set; }

    /// <summary>Changes to the claims of the PAR client assertion (e.g. another <c>aud</c>).</summary>
    public Action<JsonObject>? AssertionClaims { get; set; }

    /// <summary>
    /// Parameters beside the object: in the query by value, in the form at PAR. By value they replace the outer
    /// duplicates of the same name; a null value removes that duplicate.
    /// </summary>
    public Dictionary<string, string?> Outer { get; } = new(StringComparer.Ordinal);

    /// <summary>Parameters beside <c>request_uri</c> on the front-channel request after PAR.</summary>
    public Dictionary<string, string> FrontChannel { get; } = new(StringComparer.Ordinal);

    /// <summary>The user's browser for this attempt: opened at the first front-channel request, kept to the end.</summary>
    public IUserAgent UserAgent => _userAgent ??= _server.OpenUserAgent();

    /// <summary>Changes R0's claims (<see cref="ClaimEdits"/>), dated from the server's clock.</summary>
    public AuthorizationAttempt Edit(string edits)
    {
        RequestObject.Edit(edits, Now, Issuer);
        return this;
    }

    public Task<FlowResult> SendAsync(Delivery delivery) => SendAsync(delivery, RequestObject.Build());

    /// <summary>Sends exactly <paramref name="requestObject"/> (e.g. the same object twice, or a malformed one).</summary>
    public async Task<FlowResult> SendAsync(Delivery delivery, string requestObject)
    {
        if (delivery == Delivery.ByValue)
        {
            var query = new List<KeyValuePair<string, string>>();
            AddClientId(query);
            foreach (var name in OuterDuplicates)
            {
                if (!Outer.ContainsKey(name) && RequestObject.Claims[name] is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    query.Add(new(name, text));
                }
            }

            AddOuter(query);
            query.Add(new("request", requestObject));
            return new FlowResult(this, delivery, null, await AuthorizeAsync(query).ConfigureAwait(false));
        }

        var form = new List<KeyValuePair<string, string>>();
        AddClientId(form);
        form.Add(new("request", requestObject));
        AddOuter(form);
        return await PushThenAuthorizeAsync(form).ConfigureAwait(false);
    }

    /// <summary>Sends R0's authorization parameters as plain parameters, with no request object.</summary>
    public async Task<FlowResult> SendWithoutRequestObjectAsync(Delivery delivery)
    {
        var parameters = new List<KeyValuePair<string, string>>();
        foreach (var name in AuthorizationParameters)
        {
            if (name == "client_id")
            {
                AddClientId(parameters);
            }
            else if (RequestObject.Claims[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                parameters.Add(new(name, text));
            }
        }

        AddOuter(parameters);
        return delivery == Delivery.ByValue
            ? new FlowResult(this, delivery, null, await AuthorizeAsync(parameters).ConfigureAwait(false))
            : await PushThenAuthorizeAsync(parameters).ConfigureAwait(false);
    }

    /// <summary><c>POST /connect/par</c> with <paramref name="form"/> and, when set, the authenticator's assertion.</summary>
    public async Task<EndpointAnswer> PushAsync(IEnumerable<KeyValuePair<string, string>> form)
    {
        var fields = form.ToList();
        if (Authenticator is { } authenticator)
        {
            var key = authenticator.Key ?? throw new InvalidOperationException($"{authenticator} is a public client.");
            fields.Add(new("client_assertion_type", ClientAssertion.Type));
            fields.Add(new("client_assertion", ClientAssertion.Create(authenticator.ClientId, key, Issuer, _server.Time.GetUtcNow(), AssertionClaims)));
        }

        using var content = new FormUrlEncodedContent(fields);
        using var response = await _server.BackChannel.PostAsync(new Uri("connect/par", UriKind.Relative), content).ConfigureAwait(false);
        return await EndpointAnswer.ReadAsync(response).ConfigureAwait(false);
    }

    /// <summary><c>GET /connect/authorize</c> with exactly <paramref name="query"/>, in this attempt's user agent.</summary>
    public Task<EndpointAnswer> AuthorizeAsync(IEnumerable<KeyValuePair<string, string>> query)
    {
        var uri = QueryHelpers.AddQueryString("connect/authorize", query.Select(static p => new KeyValuePair<string, string?>(p.Key, p.Value)));
        return UserAgent.GetAsync(new Uri(uri, UriKind.Relative));
    }

    /// <summary>The front-channel request after PAR: client_id, request_uri and <see cref="FrontChannel"/>.</summary>
    public Task<EndpointAnswer> AuthorizeWithRequestUriAsync(string requestUri)
    {
        var query = new List<KeyValuePair<string, string>>();
        AddClientId(query);
        query.Add(new("request_uri", requestUri));
        query.AddRange(FrontChannel);
        return AuthorizeAsync(query);
    }

    /// <summary>Redeems a code at the token endpoint (RFC 6749 §4.1.3) with the PKCE verifier and client authentication.</summary>
    public Task<EndpointAnswer> RedeemAsync(string code, string redirectUri) => RedeemAsync(code, redirectUri, Pkce.Verifier);

    /// <summary>Redeems a code with <paramref name="codeVerifier"/> (none when null) instead of the attempt's own verifier.</summary>
    public async Task<EndpointAnswer> RedeemAsync(string code, string redirectUri, string? codeVerifier)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "authorization_code"),
            new("code", code),
            new("redirect_uri", redirectUri),
            new("client_id", Client.ClientId),
        };
        if (codeVerifier is not null)
        {
            form.Add(new("code_verifier", codeVerifier));
        }

        if (!Client.IsPublic)
        {
            form.Add(new("client_assertion_type", ClientAssertion.Type));
            form.Add(new("client_assertion", ClientAssertion.Create(Client, Issuer, _server.Time.GetUtcNow())));
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await _server.BackChannel.PostAsync(new Uri("connect/token", UriKind.Relative), content).ConfigureAwait(false);
        return await EndpointAnswer.ReadAsync(response).ConfigureAwait(false);
    }

    private async Task<FlowResult> PushThenAuthorizeAsync(List<KeyValuePair<string, string>> form)
    {
        var pushed = await PushAsync(form).ConfigureAwait(false);
        if (pushed.Status != 201 || !pushed.Parameters.TryGetValue("request_uri", out var requestUri))
        {
            return new FlowResult(this, Delivery.Pushed, pushed, null);
        }

        return new FlowResult(this, Delivery.Pushed, pushed, await AuthorizeWithRequestUriAsync(requestUri).ConfigureAwait(false));
    }

    private void AddClientId(List<KeyValuePair<string, string>> parameters)
    {
        if (OuterClientId is not null)
        {
            parameters.Add(new("client_id", OuterClientId));
        }
    }

    private void AddOuter(List<KeyValuePair<string, string>> parameters)
    {
        foreach (var (name, value) in Outer)
        {
            if (value is not null)
            {
                parameters.Add(new(name, value));
            }
        }
    }

    private static string Random() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12));
}
