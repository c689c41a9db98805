using System.Text.Json.Nodes;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// The conformance fixture's clients and keys (the fixture of docs/conformance/catalogue.md), registered with the sample host through its
/// configuration (<c>Jar:Clients:&lt;id&gt;</c>) exactly as an operator would: C1 with K1 (RSA, PS256, kid k1), a
/// second RSA key k1b and an EC P-256 key e1; C2 with K2; one client per profile or policy setting a row needs; and
/// KA, an attacker key registered nowhere that reuses K1's kid. The server's own request object decryption keys are
/// the host's (generated on its first start); clients find them in its JWKS (<see cref="PublishedEncryptionKeys"/>).
/// </summary>
public sealed class ConformanceClients : IDisposable
{
    public ConformanceClients()
    {
        C1 = new TestClient("c1", "https://c1.example/cb", K1, [K1, K1b, E1]);
        C2 = new TestClient("c2", "https://c2.example/cb", K2, [K2]);
        Fapi1 = new TestClient("fapi1", "https://fapi1.example/cb", KF1, [KF1]);
        Fapi2 = new TestClient("fapi2", "https://fapi2.example/cb", KF2, [KF2]);
        RequestObjectRequired = new TestClient("jar-required", "https://jar-required.example/cb", KS, [KS]);
        Discarding = new TestClient("discard", "https://discard.example/cb", KD, [KD]);
        JwtIdRequired = new TestClient("jti-required", "https://jti-required.example/cb", KJ, [KJ]);
        Ps256Only = new TestClient("ps256-only", "https://ps256-only.example/cb", KP, [KP, EP]);
        EncryptionRequired = new TestClient("jwe-required", "https://jwe-required.example/cb", KE, [KE]);
        RsaOaepOnly = new TestClient("rsa-oaep-only", "https://rsa-oaep-only.example/cb", KO, [KO]);
        Public = new TestClient("public", "https://public.example/cb", null, []);
    }

    public TestKey K1 { get; } = TestKey.Rsa("k1");

    public TestKey K1b { get; } = TestKey.Rsa("k1b");

    public TestKey E1 { get; } = TestKey.EcP256("e1");

    public TestKey K2 { get; } = TestKey.Rsa("k2");

    public TestKey KF1 { get; } = TestKey.Rsa("kf1");

    public TestKey KF2 { get; } = TestKey.Rsa("kf2");

    public TestKey KS { get; } = TestKey.EcP256("ks");

    public TestKey KD { get; } = TestKey.Rsa("kd");

    public TestKey KJ { get; } = TestKey.Rsa("kj");

    public TestKey KP { get; } = TestKey.Rsa("kp");

    public TestKey EP { get; } = TestKey.EcP256("ep");

    public TestKey KE { get; } = TestKey.Rsa("ke");

    public TestKey KO { get; } = TestKey.EcP256("ko");

    /// <summary>KA: registered nowhere, and labelled with K1's kid.</summary>
    public TestKey Attacker { get; } = TestKey.Rsa("k1");

    /// <summary>Default policy: profile strict (outer parameters RejectMismatch), scope ceiling openid profile accounts.</summary>
    public TestClient C1 { get; }

    /// <summary>A second confidential client with its own key K2, strict profile, no scope ceiling.</summary>
    public TestClient C2 { get; }

    /// <summary>Profile fapi1-advanced: a signed request object, <c>code id_token</c>, nonce with openid.</summary>
    public TestClient Fapi1 { get; }

    /// <summary>Profile fapi2-message-signing: PAR and a signed request object required, <c>code</c>, PKCE S256.</summary>
    public TestClient Fapi2 { get; }

    /// <summary>Profile strict with <c>RequireRequestObject</c> (OpenID Connect Registration <c>require_signed_request_object</c>).</summary>
    public TestClient RequestObjectRequired { get; }

    /// <summary>Profile strict with <c>OuterParameters = Discard</c>.</summary>
    public TestClient Discarding { get; }

    /// <summary>Profile strict with <c>RequireJwtId</c>.</summary>
    public TestClient JwtIdRequired { get; }

    /// <summary>Profile strict with <c>AllowedSigningAlgorithms = [PS256]</c> (a registered <c>request_object_signing_alg</c>), owning an EC key too.</summary>
    public TestClient Ps256Only { get; }

    /// <summary>Profile strict with <c>RequireEncryptedRequestObject</c>: a nested JWE (RFC 9101 §6.1), signed with its key KE.</summary>
    public TestClient EncryptionRequired { get; }

    /// <summary>
    /// Profile strict with <c>AllowedEncryptionAlgorithms = [RSA-OAEP-256]</c> (a registered
    /// <c>request_object_encryption_alg</c>, OpenID Connect Registration §2); signs with its EC key KO.
    /// </summary>
    public TestClient RsaOaepOnly { get; }

    /// <summary>A public client: PKCE, no keys.</summary>
    public TestClient Public { get; }

    /// <summary>A key by its name in docs/conformance/catalogue.md (K1, K1b, E1, K2, KA), for theory rows.</summary>
    public TestKey Key(string name) => name switch
    {
        "K1" => K1,
        "K1b" => K1b,
        "E1" => E1,
        "K2" => K2,
        "KA" => Attacker,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test key."),
    };

    public IReadOnlyList<TestClient> All => [C1, C2, Fapi1, Fapi2, RequestObjectRequired, Discarding, JwtIdRequired, Ps256Only, EncryptionRequired, RsaOaepOnly, Public];

    /// <summary>A client by its client_id, for theory rows.</summary>
    public TestClient Client(string clientId) => All.Single(c => c.ClientId == clientId);

    /// <summary>The clients as the host's configuration, <c>Jar:Clients:&lt;client_id&gt;:*</c>.</summary>
    public void Configure(IDictionary<string, string?> settings)
    {
        Register(settings, C1, ["openid", "profile", "accounts"], new() { ["AllowedScopes:0"] = "openid", ["AllowedScopes:1"] = "profile", ["AllowedScopes:2"] = "accounts" });
        Register(settings, C2, ["openid", "profile", "accounts"], []);
        Register(settings, Fapi1, ["openid", "profile", "accounts"], new() { ["Profile"] = "fapi1-advanced" });
        Register(settings, Fapi2, ["openid", "profile", "accounts"], new() { ["Profile"] = "fapi2-message-signing" });
        Register(settings, RequestObjectRequired, ["openid", "profile", "accounts"], new() { ["RequireRequestObject"] = "true" });
        Register(settings, Discarding, ["openid", "profile", "accounts"], new() { ["OuterParameters"] = "Discard" });
        // email is permitted to this client only: the host knows the scope, and refuses it to every other client (F7).
        Register(settings, JwtIdRequired, ["openid", "profile", "accounts", "email"], new() { ["RequireJwtId"] = "true" });
        Register(settings, Ps256Only, ["openid", "profile", "accounts"], new() { ["AllowedSigningAlgorithms:0"] = "PS256" });
        Register(settings, EncryptionRequired, ["openid", "profile", "accounts"], new() { ["RequireEncryptedRequestObject"] = "true" });
        Register(settings, RsaOaepOnly, ["openid", "profile", "accounts"], new() { ["AllowedEncryptionAlgorithms:0"] = "RSA-OAEP-256" });
        Register(settings, Public, ["openid", "profile", "accounts"], []);
    }

    public void Dispose()
    {
        foreach (var key in (TestKey[])[K1, K1b, E1, K2, KF1, KF2, KS, KD, KJ, KP, EP, KE, KO, Attacker])
        {
            key.Dispose();
        }
    }

    /// <summary>Registers <paramref name="client"/> through the host's configuration, on profile strict tightened by <paramref name="policy"/>.</summary>
    internal static void Register(IDictionary<string, string?> settings, TestClient client, string[] scopes, Dictionary<string, string> policy)
    {
        var prefix = $"Jar:Clients:{client.ClientId}:";
        settings[prefix + "DisplayName"] = $"Conformance client {client.ClientId}";
        settings[prefix + "Type"] = client.IsPublic ? "public" : "confidential";
        if (!client.IsPublic)
        {
            settings[prefix + "Jwks"] = new JsonObject { ["keys"] = new JsonArray([.. client.RegisteredKeys.Select(Jwk)]) }.ToJsonString();
        }

        settings[prefix + "RedirectUris:0"] = client.RedirectUri;
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"{prefix}Scopes:{i}"] = scopes[i];
        }

        settings[prefix + "Policy:Profile"] = "strict";
        foreach (var (name, value) in policy)
        {
            settings[prefix + "Policy:" + name] = value;
        }
    }

    // The public half as registered (RFC 7517 §4): no private members, so the host accepts it.
    private static JsonNode Jwk(TestKey key)
    {
        var jwk = key.PublicJwk;
        var json = new JsonObject { ["kty"] = jwk.Kty, ["kid"] = jwk.Kid, ["use"] = jwk.Use };
        if (jwk.Kty == "RSA")
        {
            json["n"] = jwk.N;
            json["e"] = jwk.E;
        }
        else
        {
            json["crv"] = jwk.Crv;
            json["x"] = jwk.X;
            json["y"] = jwk.Y;
        }

        return json;
    }
}
