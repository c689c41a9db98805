using System.Security.Cryptography;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Signature;

/// <summary>
/// HMAC request objects (RFC 7518 §3.2): refused unless the client's policy allows the algorithm and the host knows the
/// client's own secret in clear. A symmetric key in the client's JWKS is never used.
/// </summary>
public sealed class HmacTests
{
    private static readonly byte[] Secret = RandomNumberGenerator.GetBytes(32);

    private static JarPolicy AllowsHs256 { get; } = JarProfiles.BuiltIn[JarProfiles.Strict] with
    {
        AllowedSigningAlgorithms = new HashSet<string>(StringComparer.Ordinal) { SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.HmacSha256 },
    };

    [Fact]
    public async Task Rejects_HS256_when_the_policy_does_not_allow_it()
    {
        using var engine = new TestEngine();
        var client = TestClients.C1 with { SharedSecret = Secret };

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256).Compact()), client);

        decision.ShouldBeRefused("JAR202", "invalid_request_object");
    }

    [Fact]
    public async Task Accepts_HS256_signed_with_the_clients_secret_when_the_policy_allows_it()
    {
        using var engine = TestEngine.WithPolicy(AllowsHs256);
        var client = TestClients.C1 with { SharedSecret = Secret };

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256).Compact()), client);

        decision.ShouldBeAccepted();
        decision.Algorithm.ShouldBe("HS256");
    }

    [Fact]
    public async Task Rejects_HS256_when_the_host_has_no_secret_of_the_client()
    {
        using var engine = TestEngine.WithPolicy(AllowsHs256);

        var decision = await engine.SendAsync(engine.R0().SignedWith(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256));

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_HS256_with_a_client_secret_shorter_than_256_bits()
    {
        // RFC 7518 §3.2: a key of at least the hash output size.
        using var engine = TestEngine.WithPolicy(AllowsHs256);
        var client = TestClients.C1 with { SharedSecret = Secret.AsMemory(0, 16) };

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(new SymmetricSecurityKey(Secret), SecurityAlgorithms.HmacSha256).Compact()), client);

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Fact]
    public async Task Rejects_HS256_signed_with_another_secret()
    {
        using var engine = TestEngine.WithPolicy(AllowsHs256);
        var client = TestClients.C1 with { SharedSecret = Secret };
        var other = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32));

        var decision = await engine.ValidateAsync(Requests.ByValue(engine.R0().SignedWith(other, SecurityAlgorithms.HmacSha256).Compact()), client);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }

    [Fact]
    public async Task Never_verifies_with_an_oct_key_from_the_clients_key_set()
    {
        using var engine = TestEngine.WithPolicy(AllowsHs256);
        var octKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "hs" };
        var client = TestClients.C1With(TestKeys.K1.Jwk(), JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(octKey));
        var requestObject = engine.R0().SignedWith(octKey, SecurityAlgorithms.HmacSha256).WithHeader("kid", "hs").Compact();

        var decision = await engine.ValidateAsync(Requests.ByValue(requestObject), client);

        decision.ShouldBeRefused("JAR204", "invalid_request_object");
    }

    [Fact]
    public async Task Uses_the_clients_secret_and_not_the_oct_key_its_kid_names()
    {
        using var engine = TestEngine.WithPolicy(AllowsHs256);
        var octKey = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "hs" };
        var client = TestClients.C1With(TestKeys.K1.Jwk(), JsonWebKeyConverter.ConvertFromSymmetricSecurityKey(octKey)) with { SharedSecret = Secret };
        var requestObject = engine.R0().SignedWith(octKey, SecurityAlgorithms.HmacSha256).WithHeader("kid", "hs").Compact();

        var decision = await engine.ValidateAsync(Requests.ByValue(requestObject), client);

        decision.ShouldBeRefused("JAR205", "invalid_request_object");
    }
}
