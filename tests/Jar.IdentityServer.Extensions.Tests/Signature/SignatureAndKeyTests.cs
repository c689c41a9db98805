using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Signature;

/// <summary>JAR201..JAR207 (docs/conformance/catalogue.md B1..B12): algorithm, key, signature and the header.</summary>
public sealed class SignatureAndKeyTests
{
    [Fact]
    public async Task Rejects_request_object_signed_with_alg_none()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().CompactUnsigned());

        decision.ShouldBeRefused("JAR201", "invalid_request_object");
        decision.Algorithm.ShouldBe("none");
    }

    [Theory]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task Treats_case_variants_of_none_as_unknown_algorithms(string alg)
    {
        // RFC 7515 §4.1.1: alg is case-sensitive, so these are not "none" but algorithms nobody allowed.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().CompactUnsigned(alg));

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_RS256_with_the_clients_valid_RSA_key_under_the_default_profile()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.K1, SecurityAlgorithms.RsaSha256));

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Theory]
    [InlineData(JarProfiles.Fapi1Advanced)]
    [InlineData(JarProfiles.Fapi2MessageSigning)]
    public async Task Rejects_RS256_under_the_fapi_profiles(string profile)
    {
        using var engine = TestEngine.WithProfile(profile);
        var requestObject = engine.R0().SignedWith(TestKeys.K1, SecurityAlgorithms.RsaSha256).With("response_type", "code id_token");

        var decision = await engine.PushAsync(requestObject);

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_PS384_which_no_profile_allows()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.K1, SecurityAlgorithms.RsaSsaPssSha384));

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_ES384_even_with_a_key_of_the_right_curve()
    {
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.K1.Jwk(), TestKeys.E384.Jwk());

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(TestKeys.E384).Compact()), client);

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_a_made_up_algorithm_name()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader("alg", "XYZ"));

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Checks_the_algorithm_before_looking_at_the_key()
    {
        // RFC 8725 §3.1: an algorithm outside the allow-list is refused as such, whatever the kid says.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.K1, SecurityAlgorithms.RsaSha256).WithHeader("kid", "nope"));

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_kid_that_names_no_key_of_the_client()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader("kid", "nope"));

        decision.ShouldBeRefused("JAR203", "invalid_request_object");
        decision.KeyId.ShouldBe("nope");
    }

    [Fact]
    public async Task Rejects_request_object_signed_with_another_clients_key()
    {
        // docs/conformance/catalogue.md B7: R0 of client C1, signed with C2's key K2 (kid k2).
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.K2));

        decision.ShouldBeRefused("JAR203", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_signed_by_an_attacker_key_labelled_with_the_clients_kid()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.KA).WithHeader("kid", "k1"));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_signed_by_an_attacker_key_without_kid()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.KA).WithoutHeader("kid"));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Does_not_fall_back_to_other_client_keys_when_the_kid_names_one()
    {
        // RFC 9101 §6.2, docs/conformance/catalogue.md B8(b): signed with k1, labelled k1b; both are C1's keys.
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.K1.Jwk(), TestKeys.K1b.Jwk());

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().WithHeader("kid", "k1b").Compact()), client);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_ES256_when_the_client_has_no_EC_key()
    {
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.K1.Jwk());

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(TestKeys.E1).WithoutHeader("kid").Compact()), client);

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_RSA_key_shorter_than_2048_bits()
    {
        // FAPI 2.0 Security Profile §5.4.1. The 1024-bit key is never asked to verify, so K1 signs and the kid points at it.
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.Rsa1024.Jwk());

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().WithHeader("kid", "small").Compact()), client);

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Theory]
    [InlineData("use enc")]
    [InlineData("key_ops encrypt")]
    [InlineData("alg PS384")]
    public async Task Rejects_key_registered_for_another_purpose_or_algorithm(string registration)
    {
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.K1.Jwk(jwk =>
        {
            switch (registration)
            {
                case "use enc":
                    jwk.Use = JsonWebKeyUseNames.Enc;
                    break;
                case "key_ops encrypt":
                    jwk.KeyOps.Add("encrypt");
                    break;
                default:
                    jwk.Alg = SecurityAlgorithms.RsaSsaPssSha384;
                    break;
            }
        }));

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact()), client);

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_key_registered_for_signing_and_this_algorithm()
    {
        using var engine = new TestEngine();
        var client = TestClients.C1With(TestKeys.K1.Jwk(jwk =>
        {
            jwk.Use = JsonWebKeyUseNames.Sig;
            jwk.KeyOps.Add("verify");
            jwk.Alg = SecurityAlgorithms.RsaSsaPssSha256;
        }));

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().Compact()), client);

        decision.ShouldBeAccepted();
    }

    [Fact]
    public async Task Rejects_request_object_with_invalid_signature()
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(Jws.CorruptSignature(engine.R0().Compact()));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_with_an_empty_signature()
    {
        using var engine = new TestEngine();
        var compact = engine.R0().Compact();

        var decision = await engine.SendAsync(compact[..(compact.LastIndexOf('.') + 1)]);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_request_object_whose_payload_changed_after_signing()
    {
        using var engine = new TestEngine();
        var signed = engine.R0().Compact();
        var changed = engine.R0().With("redirect_uri", "https://evil.example.com/cb").PayloadJson;

        var decision = await engine.SendAsync(Jws.ReplacePayload(signed, changed));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_ES256_signature_made_with_an_RSA_key()
    {
        using var engine = new TestEngine();
        var parts = engine.R0().SignedWith(TestKeys.E1).Compact().Split('.');
        var rsaSigned = engine.R0().Compact().Split('.');

        var decision = await engine.SendAsync(parts[0] + "." + parts[1] + "." + rsaSigned[2]);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Theory]
    [InlineData("dpop+jwt")]
    [InlineData("at+jwt")]
    [InlineData("application/at+jwt")]
    [InlineData("secevent+jwt")]
    [InlineData("logout+jwt")]
    [InlineData("token-introspection+jwt")]
    [InlineData("oauth-authz-req")]
    public async Task Rejects_correctly_signed_token_of_another_type(string typ)
    {
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader("typ", typ));

        decision.ShouldBeRefused("JAR206", "invalid_request_object");
    }

    [Theory]
    [InlineData("crit", """["exp"]""")]
    [InlineData("crit", "[]")]
    [InlineData("b64", "false")]
    [InlineData("zip", "\"DEF\"")]
    public async Task Rejects_header_extension_this_server_does_not_understand(string member, string json)
    {
        // RFC 7515 §4.1.11: a crit extension that is not understood makes the JWS invalid.
        using var engine = new TestEngine();

        var decision = await engine.SendAsync(engine.R0().WithHeader(member, JsonNode.Parse(json)).WithHeader("exp", engine.At(300)));

        decision.ShouldBeRefused("JAR207", "invalid_request_object");
    }

    [Fact]
    public async Task Ignores_the_jwk_header_and_uses_only_the_clients_keys()
    {
        // RFC 9101 §6.2: an attacker's key embedded in the header does not make its signature acceptable.
        using var engine = new TestEngine();
        var embedded = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(new
        {
            kty = "RSA",
            n = TestKeys.KA.Jwk().N,
            e = TestKeys.KA.Jwk().E,
        }));

        var decision = await engine.SendAsync(engine.R0().SignedWith(TestKeys.KA).WithoutHeader("kid").WithHeader("jwk", embedded));

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }
}
