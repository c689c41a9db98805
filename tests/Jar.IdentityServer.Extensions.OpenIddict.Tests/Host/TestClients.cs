
namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>
/// The fixture's clients and keys (the fixture of docs/conformance/catalogue.md): C1 with K1 (PS256, kid k1), a second RSA key k1b and an
/// ES256 key e1; C2 with K2; clients for the other policies; and KA, an attacker key registered nowhere that
/// reuses K1's kid.
/// </summary>
internal sealed class TestClients : IDisposable
{
    public TestKey K1 { get; } = TestKey.Rsa("k1");

    public TestKey K1b { get; } = TestKey.Rsa("k1b");

    public TestKey E1 { get; } = TestKey.EcP256("e1");

    public TestKey K2 { get; } = TestKey.Rsa("k2");

    public TestKey K3 { get; } = TestKey.Rsa("k3");

    public TestKey KF { get; } = TestKey.Rsa("kf");

    public TestKey KS { get; } = TestKey.EcP256("ks");

    public TestKey Attacker { get; } = TestKey.Rsa("k1");

    public TestKey KE { get; } = TestKey.Rsa("ke");

    public TestClients()
    {
        C1 = new TestClient("c1", "http://127.0.0.1/cb1", K1, [K1, K1b, E1]);
        C2 = new TestClient("c2", "http://127.0.0.1/cb2", K2, [K2]);
        Discarding = new TestClient("c3-discard", "http://127.0.0.1/cb3", K3, [K3]);
        Fapi2 = new TestClient("fapi2", "http://127.0.0.1/cbf", KF, [KF]);
        StrictJar = new TestClient("strict-jar", "http://127.0.0.1/cbs", KS, [KS]);
        Public = new TestClient("public-pkce", "http://127.0.0.1/cbp", null, []);
        Encrypting = new TestClient("encrypting", "http://127.0.0.1/cbe", KE, [KE]);
    }

    /// <summary>Confidential, private_key_jwt, default policy (strict profile, outer parameters RejectMismatch).</summary>
    public TestClient C1 { get; }

    /// <summary>A second confidential client with its own key K2.</summary>
    public TestClient C2 { get; }

    /// <summary>Strict profile with <c>OuterParameters = Discard</c>.</summary>
    public TestClient Discarding { get; }

    /// <summary>Profile fapi2-message-signing: PAR and a signed request object required.</summary>
    public TestClient Fapi2 { get; }

    /// <summary>Profile strict with <c>RequireRequestObject = true</c>: JAR by value or pushed.</summary>
    public TestClient StrictJar { get; }

    /// <summary>A public client with PKCE and no keys.</summary>
    public TestClient Public { get; }

    /// <summary>Strict profile with <c>RequireEncryptedRequestObject = true</c>.</summary>
    public TestClient Encrypting { get; }

    /// <summary>A key by its name in docs/conformance/catalogue.md (K1, K1b, E1, K2, KA...), for theory rows.</summary>
    public TestKey Key(string name) => name switch
    {
        "K1" => K1,
        "K1b" => K1b,
        "E1" => E1,
        "K2" => K2,
        "KA" => Attacker,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No such test key."),
    };

    /// <summary>A client by its client_id, for theory rows.</summary>
    public TestClient Client(string clientId) => All.Single(c => c.ClientId == clientId);

    public IReadOnlyList<TestClient> All => [C1, C2, Discarding, Fapi2, StrictJar, Public, Encrypting];

    public void Dispose()
    {
        foreach (var key in (TestKey[])[K1, K1b, E1, K2, K3, KF, KS, Attacker, KE])
        {
            key.Dispose();
        }
    }
}
