using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Jar.IdentityServer.Extensions.Client.Authentication;
using Jar.IdentityServer.Extensions.Client.Keys;
using Jar.IdentityServer.Extensions.Client.RequestObjects;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>The request object, the client assertion and the key set, claim by claim, with a controlled clock and real keys.</summary>
public sealed class RequestObjectBuilderTests
{
    private const string Issuer = "https://auth.example.test/";
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);

    public static TheoryData<string> Algorithms => [JarAlgorithms.PS256, JarAlgorithms.ES256];

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Signs_every_envelope_claim_and_the_header_of_a_request_object(string algorithm)
    {
        var key = NewKey(algorithm, "key-1");
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(key), _time);

        var token = new JsonWebToken(builder.Build(Issuer, new Dictionary<string, string?> { ["response_type"] = "code", ["scope"] = "openid", ["prompt"] = null }));

        token.Alg.ShouldBe(algorithm);
        token.Kid.ShouldBe("key-1");
        token.Typ.ShouldBe("oauth-authz-req+jwt");
        token.GetPayloadValue<string>("iss").ShouldBe("agent");
        token.GetPayloadValue<string>("client_id").ShouldBe("agent");
        token.GetPayloadValue<string>("aud").ShouldBe(Issuer);
        token.GetPayloadValue<long>("iat").ShouldBe(Now.ToUnixTimeSeconds());
        token.GetPayloadValue<long>("nbf").ShouldBe(Now.ToUnixTimeSeconds());
        token.GetPayloadValue<long>("exp").ShouldBe(Now.AddMinutes(5).ToUnixTimeSeconds());
        token.GetPayloadValue<string>("jti").Length.ShouldBe(22);
        token.GetPayloadValue<string>("response_type").ShouldBe("code");
        token.TryGetPayloadValue<string>("prompt", out _).ShouldBeFalse();
        (await Verify(token.EncodedToken, key)).ShouldBeTrue();
    }

    [Fact]
    public void Gives_every_object_a_fresh_jti()
    {
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(NewKey(JarAlgorithms.ES256, "k")), _time);

        var ids = Enumerable.Range(0, 50).Select(_ => new JsonWebToken(builder.Build(Issuer, [])).GetPayloadValue<string>("jti")).ToHashSet(StringComparer.Ordinal);

        ids.Count.ShouldBe(50);
    }

    [Fact]
    public void Keeps_max_age_a_number_and_claims_a_json_object()
    {
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(NewKey(JarAlgorithms.ES256, "k")), _time);

        var payload = PayloadOf(builder.Build(Issuer, new Dictionary<string, string?> { ["max_age"] = "300", ["claims"] = """{"id_token":{"acr":{"essential":true}}}""" }));

        payload.GetProperty("max_age").ValueKind.ShouldBe(JsonValueKind.Number);
        payload.GetProperty("max_age").GetInt64().ShouldBe(300);
        payload.GetProperty("claims").GetProperty("id_token").GetProperty("acr").GetProperty("essential").GetBoolean().ShouldBeTrue();
    }

    [Theory]
    [InlineData("request")]
    [InlineData("request_uri")]
    [InlineData("iss")]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("jti")]
    public void Refuses_a_parameter_that_cannot_be_inside_a_request_object(string name)
    {
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(NewKey(JarAlgorithms.ES256, "k")), _time);

        Should.Throw<ArgumentException>(() => builder.Build(Issuer, new Dictionary<string, string?> { [name] = "x" })).Message.ShouldContain(name);
    }

    [Fact]
    public void Refuses_another_clients_client_id()
    {
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(NewKey(JarAlgorithms.ES256, "k")), _time);

        Should.Throw<ArgumentException>(() => builder.Build(Issuer, new Dictionary<string, string?> { ["client_id"] = "someone-else" }));
    }

    [Fact]
    public void Refuses_a_lifetime_beyond_sixty_minutes()
    {
        var builder = new RequestObjectBuilder("agent", new ClientKeySet(NewKey(JarAlgorithms.ES256, "k")), _time) { Lifetime = TimeSpan.FromMinutes(61) };

        Should.Throw<InvalidOperationException>(() => builder.Build(Issuer, []));
    }

    [Fact]
    public void Rotation_publishes_a_new_key_before_it_signs()
    {
        var old = NewKey(JarAlgorithms.PS256, "old");
        var next = NewKey(JarAlgorithms.ES256, "next") with { SigningFrom = Now.AddHours(24) };
        var keys = new ClientKeySet(old, next);
        var builder = new RequestObjectBuilder("agent", keys, _time);

        Kids(keys.ToPublicJwks()).ShouldBe(["old", "next"]);
        new JsonWebToken(builder.Build(Issuer, [])).Kid.ShouldBe("old");

        _time.Advance(TimeSpan.FromHours(24));
        new JsonWebToken(builder.Build(Issuer, [])).Kid.ShouldBe("next");

        var retired = keys.Without("old");
        Kids(retired.ToPublicJwks()).ShouldBe(["next"]);
    }

    [Fact]
    public void Refuses_two_keys_with_one_kid_and_a_set_without_a_signing_key()
    {
        Should.Throw<ArgumentException>(() => new ClientKeySet(NewKey(JarAlgorithms.ES256, "same"), NewKey(JarAlgorithms.PS256, "same")));
        var later = new ClientKeySet(NewKey(JarAlgorithms.ES256, "later") with { SigningFrom = Now.AddDays(1) });
        Should.Throw<InvalidOperationException>(() => later.SigningKey(Now));
    }

    [Fact]
    public void Publishes_public_members_only()
    {
        var keys = new ClientKeySet(NewKey(JarAlgorithms.PS256, "rsa"), NewKey(JarAlgorithms.ES256, "ec"));

        var jwks = keys.ToPublicJwks();

        jwks.ShouldNotContain("\"d\"");
        jwks.ShouldNotContain("\"p\"");
        var set = new JsonWebKeySet(jwks);
        set.Keys.Select(k => (k.Kty, k.Use, k.Alg)).ShouldBe([("RSA", "sig", "PS256"), ("EC", "sig", "ES256")]);
        var document = ClientJwksDocument.From(keys, TimeSpan.FromMinutes(2));
        document.CacheControl.ShouldBe("public, max-age=120");
        ClientJwksDocument.ContentType.ShouldBe("application/jwk-set+json");
    }

    [Fact]
    public async Task Loads_keys_from_pem_a_certificate_a_jwk_and_a_security_key()
    {
        using var rsa = RSA.Create(2048);
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=agent", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        using var certificate = request.CreateSelfSigned(Now.AddDays(-1), Now.AddDays(30));

        var fromPem = ClientSigningKey.FromPem(ec.ExportPkcs8PrivateKeyPem());
        var fromRsaPem = ClientSigningKey.FromPem(rsa.ExportRSAPrivateKeyPem(), "rsa-pem");
        var fromCertificate = ClientSigningKey.FromCertificate(certificate, "cert");
        var fromJwk = ClientSigningKey.FromJwk(fromPem.ExportPrivateJwk());
        var fromSecurityKey = ClientSigningKey.FromSecurityKey(new ECDsaSecurityKey(ec) { KeyId = "sk" });

        fromPem.Algorithm.ShouldBe(JarAlgorithms.ES256);
        fromPem.KeyId.ShouldBe(Base64UrlEncoder.Encode(fromPem.PublicKey.ComputeJwkThumbprint()));
        fromRsaPem.Algorithm.ShouldBe(JarAlgorithms.PS256);
        fromCertificate.Algorithm.ShouldBe(JarAlgorithms.PS256);
        fromJwk.KeyId.ShouldBe(fromPem.KeyId);
        fromSecurityKey.KeyId.ShouldBe("sk");
        var token = new RequestObjectBuilder("agent", new ClientKeySet(fromCertificate), _time).Build(Issuer, []);
        (await Verify(token, fromRsaPem with { }, rsa)).ShouldBeTrue();
        (await Verify(new RequestObjectBuilder("agent", new ClientKeySet(fromJwk), _time).Build(Issuer, []), fromPem)).ShouldBeTrue();
    }

    [Fact]
    public void Refuses_an_rsa_key_under_2048_bits_and_a_key_without_its_private_part()
    {
        using var small = RSA.Create(1024);
        Should.Throw<ArgumentException>(() => ClientSigningKey.FromSecurityKey(new RsaSecurityKey(small)));
        var publicOnly = NewKey(JarAlgorithms.ES256, "k").PublicKey;
        Should.Throw<ArgumentException>(() => ClientSigningKey.FromSecurityKey(publicOnly));
    }

    [Theory]
    [MemberData(nameof(Algorithms))]
    public async Task Signs_a_client_assertion_as_openiddict_takes_it(string algorithm)
    {
        var key = NewKey(algorithm, "k");
        var authentication = ClientAuthentication.PrivateKeyJwt(new ClientKeySet(key), _time);

        var assertion = new JsonWebToken(authentication.CreateAssertion("agent", Issuer));

        assertion.Typ.ShouldBe("client-authentication+jwt");
        assertion.Kid.ShouldBe("k");
        assertion.GetPayloadValue<string>("iss").ShouldBe("agent");
        assertion.GetPayloadValue<string>("sub").ShouldBe("agent");
        PayloadOf(assertion.EncodedToken).GetProperty("aud").ValueKind.ShouldBe(JsonValueKind.String);
        assertion.GetPayloadValue<string>("aud").ShouldBe(Issuer);
        (assertion.GetPayloadValue<long>("exp") - assertion.GetPayloadValue<long>("iat")).ShouldBe(60);
        assertion.GetPayloadValue<string>("jti").ShouldNotBeNullOrEmpty();
        (await Verify(assertion.EncodedToken, key)).ShouldBeTrue();
    }

    [Fact]
    public void Encrypts_to_an_rsa_key_with_rsa_oaep_256_and_a256gcm()
    {
        using var server = RSA.Create(2048);
        var recipient = new JsonWebKey { Kty = "RSA", Use = "enc", Kid = "enc-1", N = Base64UrlEncoder.Encode(server.ExportParameters(false).Modulus), E = Base64UrlEncoder.Encode(server.ExportParameters(false).Exponent) };

        var jwe = RequestObjectEncryptor.Encrypt("a.signed.object", recipient);

        var parts = jwe.Split('.');
        parts.Length.ShouldBe(5);
        var header = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0])).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("RSA-OAEP-256");
        header.GetProperty("enc").GetString().ShouldBe("A256GCM");
        header.GetProperty("kid").GetString().ShouldBe("enc-1");
        header.GetProperty("cty").GetString().ShouldBe("JWT");

        // The server's side, RFC 7516 §5.2: unwrap the CEK, then open the AES-GCM box with the header as AAD.
        var cek = server.Decrypt(Base64UrlEncoder.DecodeBytes(parts[1]), RSAEncryptionPadding.OaepSHA256);
        var ciphertext = Base64UrlEncoder.DecodeBytes(parts[3]);
        var clear = new byte[ciphertext.Length];
        using var gcm = new AesGcm(cek, 16);
        gcm.Decrypt(Base64UrlEncoder.DecodeBytes(parts[2]), ciphertext, Base64UrlEncoder.DecodeBytes(parts[4]), clear, System.Text.Encoding.ASCII.GetBytes(parts[0]));
        System.Text.Encoding.UTF8.GetString(clear).ShouldBe("a.signed.object");
    }

    [Fact]
    public void Encrypts_to_an_ec_key_with_ecdh_es_and_an_ephemeral_key_on_its_curve()
    {
        using var server = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        var point = server.ExportParameters(false).Q;
        var recipient = new JsonWebKey { Kty = "EC", Use = "enc", Kid = "enc-ec", Crv = "P-256", X = Base64UrlEncoder.Encode(point.X), Y = Base64UrlEncoder.Encode(point.Y) };

        var parts = RequestObjectEncryptor.Encrypt("a.signed.object", recipient).Split('.');

        parts[1].ShouldBeEmpty();
        var header = JsonDocument.Parse(Base64UrlEncoder.Decode(parts[0])).RootElement;
        header.GetProperty("alg").GetString().ShouldBe("ECDH-ES");
        header.GetProperty("epk").GetProperty("crv").GetString().ShouldBe("P-256");
        header.GetProperty("epk").TryGetProperty("d", out _).ShouldBeFalse();
    }

    [Fact]
    public void Refuses_to_encrypt_to_a_key_of_another_algorithm()
    {
        var recipient = new JsonWebKey { Kty = "RSA", Use = "enc", Alg = "RSA1_5", N = "AQAB", E = "AQAB" };

        Should.Throw<ArgumentException>(() => RequestObjectEncryptor.Encrypt("a.b.c", recipient));
    }

    [Theory]
    [InlineData("The request object is signed by an unknown key. (rule JAR203)", "JAR203")]
    [InlineData("Nothing to see.", null)]
    public void Reads_the_rule_id_at_the_end_of_an_error_description(string description, string? rule) =>
        JarServerRefusal.ParseRuleId(description).ShouldBe(rule);

    internal static ClientSigningKey NewKey(string algorithm, string kid) =>
        algorithm == JarAlgorithms.PS256 ? ClientSigningKey.GenerateRsa(kid) : ClientSigningKey.GenerateEcdsa(kid);

    private static JsonElement PayloadOf(string token) =>
        JsonDocument.Parse(Base64UrlEncoder.Decode(token.Split('.')[1])).RootElement.Clone();

    private static string[] Kids(string jwks) => [.. new JsonWebKeySet(jwks).Keys.Select(k => k.Kid)];

    private static async Task<bool> Verify(string token, ClientSigningKey key, RSA? rsa = null)
    {
        SecurityKey publicKey = rsa is null ? key.PublicKey : new RsaSecurityKey(rsa.ExportParameters(false));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            IssuerSigningKey = publicKey,
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
            ValidTypes = ["oauth-authz-req+jwt", "client-authentication+jwt"],
            ValidAlgorithms = [key.Algorithm],
        });
        return result.IsValid;
    }
}
