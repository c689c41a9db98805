using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Jwe = Jar.Testing.Jwe;

namespace Jar.IdentityServer.Extensions.Tests.Encryption;

/// <summary>
/// Nested request objects (RFC 9101 §6.1; docs/conformance/catalogue.md group I): the client signs, then encrypts to the server.
/// RSA-OAEP-256 and ECDH-ES with A256GCM are accepted; anything undecryptable, unadvertised or unsigned is refused.
/// </summary>
public sealed class EncryptedRequestObjectTests
{
    [Fact]
    public async Task Accepts_a_signed_object_encrypted_with_rsa_oaep_256_and_a256gcm()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var signed = engine.R0().With("state", "inner-state").Compact();
        var jwe = Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa");

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull()["state"].ShouldBe("inner-state");
        decision.RequestObjectHash.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(jwe))));
        decision.Algorithm.ShouldBe("PS256");
    }

    [Fact]
    public async Task Accepts_a_signed_object_encrypted_with_ecdh_es_and_a256gcm()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.EcdhEs(engine.R0().Compact(), ServerEncryptionKeys.Ec, "enc-ec");

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeAccepted();
        decision.Parameters.ShouldNotBeNull()["client_id"].ShouldBe(TestClients.C1Id);
    }

    [Fact]
    public async Task Accepts_an_encrypted_object_without_kid_by_trying_the_keys_of_its_algorithm()
    {
        using var engine = ServerEncryptionKeys.Engine();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, kid: null));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Accepts_an_encrypted_object_pushed_to_par()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, "enc-rsa");

        var decision = await engine.ValidateAsync(Requests.Pushed(jwe));

        decision.ShouldBeAccepted();
    }

    [Theory]
    [InlineData("another key")]
    [InlineData("unknown kid")]
    [InlineData("encrypted key")]
    [InlineData("iv")]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("header")]
    public async Task Refuses_an_object_that_does_not_decrypt_I1(string defect)
    {
        using var engine = ServerEncryptionKeys.Engine();
        var signed = engine.R0().Compact();
        var jwe = defect switch
        {
            "another key" => Jwe.RsaOaep256(signed, ServerEncryptionKeys.OtherRsa, "enc-rsa"),
            "unknown kid" => Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "unknown"),
            "encrypted key" => Jwe.Tamper(Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa"), 1),
            "iv" => Jwe.Tamper(Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa"), 2),
            "ciphertext" => Jwe.Tamper(Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa"), 3),
            "tag" => Jwe.Tamper(Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa"), 4),
            // The header is the additional authenticated data: a changed header fails the tag.
            "header" => Jwe.RsaOaep256(signed, ServerEncryptionKeys.Rsa, "enc-rsa", h => h["x"] = "y") is var j
                ? Reheader(j, """{"alg":"RSA-OAEP-256","enc":"A256GCM","cty":"JWT","kid":"enc-rsa","x":"z"}""") : null!,
            _ => throw new ArgumentOutOfRangeException(nameof(defect)),
        };

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR209", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_ecdh_es_with_an_ephemeral_key_on_another_curve_I1()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.EcdhEs(engine.R0().Compact(), ServerEncryptionKeys.Ec, "enc-ec", ephemeralCurve: ECCurve.NamedCurves.nistP384);

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR209", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_ecdh_es_with_an_ephemeral_point_not_on_the_curve_I1()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.EcdhEs(engine.R0().Compact(), ServerEncryptionKeys.Ec, "enc-ec",
            h => h["epk"]!["y"] = h["epk"]!["x"]!.GetValue<string>());

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR209", "invalid_request_object");
    }

    [Theory]
    [InlineData("RSA1_5", "A256GCM")]
    [InlineData("RSA-OAEP", "A256GCM")]
    [InlineData("dir", "A256GCM")]
    [InlineData("RSA-OAEP-256", "A128CBC-HS256")]
    [InlineData("RSA-OAEP-256", "A128GCM")]
    public async Task Refuses_an_unadvertised_key_management_or_content_encryption_algorithm_I2(string alg, string enc)
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, "enc-rsa", h =>
        {
            h["alg"] = alg;
            h["enc"] = enc;
        });

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR208", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_an_algorithm_the_clients_policy_does_not_allow_I2()
    {
        using var engine = ServerEncryptionKeys.Engine(new JarPolicyOverrides { AllowedEncryptionAlgorithms = ["RSA-OAEP-256"] });

        var decision = await engine.SendAsync(Jwe.EcdhEs(engine.R0().Compact(), ServerEncryptionKeys.Ec, "enc-ec"));

        decision.ShouldBeRefused("JAR208", "invalid_request_object");
    }

    [Theory]
    [InlineData("zip")]
    [InlineData("crit")]
    public async Task Refuses_compression_and_critical_extensions_I2(string member)
    {
        using var engine = ServerEncryptionKeys.Engine();
        var jwe = Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, "enc-rsa",
            h => h[member] = member == "zip" ? "DEF" : new JsonArray("exp"));

        var decision = await engine.SendAsync(jwe);

        decision.ShouldBeRefused("JAR208", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_an_encrypted_object_around_raw_json_claims_I3()
    {
        using var engine = ServerEncryptionKeys.Engine();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(engine.R0().PayloadJson, ServerEncryptionKeys.Rsa, "enc-rsa"));

        decision.ShouldBeRefused("JAR210", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_an_encrypted_object_around_an_unsigned_jwt_I3()
    {
        using var engine = ServerEncryptionKeys.Engine();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(engine.R0().CompactUnsigned(), ServerEncryptionKeys.Rsa, "enc-rsa"));

        decision.ShouldBeRefused("JAR210", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_an_encrypted_object_whose_inner_signature_is_another_clients_I3()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var signedByK2 = engine.R0().SignedWith(TestKeys.K2).WithHeader("kid", "k1").Compact();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(signedByK2, ServerEncryptionKeys.Rsa, "enc-rsa"));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_a_signed_only_object_when_the_policy_requires_encryption_I4()
    {
        using var engine = ServerEncryptionKeys.Engine(new JarPolicyOverrides { RequireEncryptedRequestObject = true });

        var decision = await engine.SendAsync(engine.R0());

        decision.ShouldBeRefused("JAR612", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_an_encrypted_object_when_the_policy_requires_encryption_I4()
    {
        using var engine = ServerEncryptionKeys.Engine(new JarPolicyOverrides { RequireEncryptedRequestObject = true });

        var decision = await engine.SendAsync(Jwe.EcdhEs(engine.R0().Compact(), ServerEncryptionKeys.Ec, "enc-ec"));

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Refuses_an_encrypted_object_when_the_server_holds_no_decryption_key()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, "enc-rsa"));

        decision.ShouldBeRefused("JAR107", "invalid_request_object");
    }

    [Fact]
    public async Task Refuses_a_jwe_that_is_not_well_formed()
    {
        using var engine = ServerEncryptionKeys.Engine();
        var parts = Jwe.RsaOaep256(engine.R0().Compact(), ServerEncryptionKeys.Rsa, "enc-rsa").Split('.');
        parts[2] = parts[2] + "=";

        var decision = await engine.SendAsync(string.Join('.', parts));

        decision.ShouldBeRefused("JAR105", "invalid_request_object");
    }

    private static string Reheader(string jwe, string headerJson)
    {
        var parts = jwe.Split('.');
        parts[0] = Jws.Segment(headerJson);
        return string.Join('.', parts);
    }
}
