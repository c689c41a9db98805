using System.Text.Json;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using JweBuilder = Jar.Testing.Jwe;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// Group I of docs/conformance/catalogue.md through a stock OpenIddict server: nested JWE request objects (RFC 9101 §6.1),
/// encrypted to keys the server publishes in its JWKS and advertises in discovery.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class EncryptedRequestObjectTests(OpenIddictHostFixture host)
{
    [Fact]
    public async Task Advertises_the_encryption_algorithms_and_publishes_only_the_public_halves_of_the_keys()
    {
        using var configuration = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri(".well-known/openid-configuration", UriKind.Relative)));
        var metadata = configuration.RootElement;
        Strings(metadata, "request_object_encryption_alg_values_supported").ShouldBe(["ECDH-ES", "RSA-OAEP-256"]);
        Strings(metadata, "request_object_encryption_enc_values_supported").ShouldBe(["A256GCM"]);

        using var jwks = JsonDocument.Parse(await host.Http.GetStringAsync(new Uri(metadata.GetProperty("jwks_uri").GetString()!)));
        var encryptionKeys = jwks.RootElement.GetProperty("keys").EnumerateArray().Where(k => k.GetProperty("use").GetString() == "enc").ToArray();
        encryptionKeys.Select(k => k.GetProperty("kid").GetString()).ShouldBe(["enc-rsa", "enc-ec"], ignoreOrder: true);
        foreach (var key in encryptionKeys)
        {
            foreach (var secret in (string[])["d", "p", "q", "dp", "dq", "qi"])
            {
                key.TryGetProperty(secret, out _).ShouldBeFalse($"the published key {key.GetProperty("kid")} carries '{secret}'");
            }
        }
    }

    [Theory]
    [InlineData("RSA-OAEP-256", Delivery.ByValue)]
    [InlineData("RSA-OAEP-256", Delivery.Pushed)]
    [InlineData("ECDH-ES", Delivery.ByValue)]
    [InlineData("ECDH-ES", Delivery.Pushed)]
    public async Task Completes_the_code_flow_with_an_encrypted_request_object(string algorithm, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Encrypting);

        var result = await flow.SendAsync(delivery, Encrypt(flow.RequestObject.Build(), algorithm));

        await result.ShouldGrantCodeAsync();
    }

    [Theory] // I4: the client's policy requires encryption; a signed-only object is refused.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_signed_only_object_from_a_client_that_must_encrypt(Delivery delivery)
    {
        var result = await host.Flow(host.Clients.Encrypting).SendAsync(delivery);

        result.ShouldBeRefused("invalid_request_object", "JAR612");
    }

    [Theory] // I1: a tag that does not verify.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_an_object_that_does_not_decrypt(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Encrypting);

        var result = await flow.SendAsync(delivery, JweBuilder.Tamper(Encrypt(flow.RequestObject.Build(), "RSA-OAEP-256"), 4));

        result.ShouldBeRefused("invalid_request_object", "JAR209");
    }

    [Theory] // I2: RSA1_5 is never accepted (FAPI 1.0 Advanced §8.6.1).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_rsa1_5(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Encrypting);

        var jwe = JweBuilder.RsaOaep256(flow.RequestObject.Build(), host.EncryptionKeys.Rsa, "enc-rsa", h => h["alg"] = "RSA1_5");
        var result = await flow.SendAsync(delivery, jwe);

        result.ShouldBeRefused("invalid_request_object", "JAR208");
    }

    [Theory] // I3: anyone can encrypt to the server; the inner object must be signed by the client.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_an_encrypted_object_around_an_unsigned_one(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.Encrypting);
        flow.RequestObject.Unsigned("none");

        var result = await flow.SendAsync(delivery, Encrypt(flow.RequestObject.Build(), "RSA-OAEP-256"));

        result.ShouldBeRefused("invalid_request_object", "JAR210");
    }

    private string Encrypt(string signed, string algorithm) => algorithm == "ECDH-ES"
        ? JweBuilder.EcdhEs(signed, host.EncryptionKeys.Ec, "enc-ec")
        : JweBuilder.RsaOaep256(signed, host.EncryptionKeys.Rsa, "enc-rsa");

    private static string[] Strings(JsonElement metadata, string name) =>
        metadata.GetProperty(name).EnumerateArray().Select(static e => e.GetString()!).ToArray();
}
