using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The host's request object decryption keys (RFC 9101 §6.1): configured (<c>Jar:DecryptionKeys</c>, JSON or a file),
/// or generated on the first start and kept in <c>Jar:GeneratedDecryptionKeysFile</c>; published in the JWKS as
/// public keys with <c>use: enc</c>, and advertised in discovery.
/// </summary>
public sealed class DecryptionKeyTests : IDisposable
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi"];

    private readonly string _root = Directory.CreateTempSubdirectory("jar-sample-keys-").FullName;

    [Fact]
    public async Task Without_configured_keys_an_RSA_and_a_P256_key_are_generated_once_into_a_private_file_and_kept_across_restarts()
    {
        var file = Path.Combine(_root, "App_Data", "keys.jwks.json");
        string[] first;
        using (var host = new KeyHost(s => s["Jar:GeneratedDecryptionKeysFile"] = file))
        {
            var published = await EncryptionKeysAsync(host);
            published.Select(k => (k.GetProperty("kty").GetString(), k.GetProperty("alg").GetString())).Order()
                .ShouldBe([("EC", "ECDH-ES"), ("RSA", "RSA-OAEP-256")]);
            published.Single(k => k.GetProperty("kty").GetString() == "EC").GetProperty("crv").GetString().ShouldBe("P-256");
            Base64UrlEncoder.DecodeBytes(published.Single(k => k.GetProperty("kty").GetString() == "RSA").GetProperty("n").GetString()).Length.ShouldBe(256);
            first = Kids(published);
        }

        // The file holds the private keys under the published kids, readable by its owner only.
        var stored = new JsonWebKeySet(await File.ReadAllTextAsync(file));
        stored.Keys.Select(k => k.Kid).Order().ShouldBe(first);
        stored.Keys.ShouldAllBe(k => k.HasPrivateKey && k.Use == "enc");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(file).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // RFC 7638: each kid is the key's thumbprint.
        stored.Keys.ShouldAllBe(k => k.Kid == Base64UrlEncoder.Encode(k.ComputeJwkThumbprint()));

        using var restarted = new KeyHost(s => s["Jar:GeneratedDecryptionKeysFile"] = file);
        Kids(await EncryptionKeysAsync(restarted)).ShouldBe(first);
        Directory.GetFiles(Path.GetDirectoryName(file)!).ShouldBe([file]);
    }

    [Fact]
    public async Task Configured_keys_inline_are_the_ones_published_and_none_is_generated()
    {
        var generated = Path.Combine(_root, "generated.jwks.json");
        using var rsa = RSA.Create(2048);
        var keys = KeySet(RsaJwk(rsa, "ops-rsa"));
        using var host = new KeyHost(s =>
        {
            s["Jar:DecryptionKeys"] = keys;
            s["Jar:GeneratedDecryptionKeysFile"] = generated;
        });

        var published = await EncryptionKeysAsync(host);

        Kids(published).ShouldBe(["ops-rsa"]);
        published[0].GetProperty("n").GetString().ShouldBe(Base64UrlEncoder.Encode(rsa.ExportParameters(false).Modulus));
        var metadata = await MetadataAsync(host);
        Strings(metadata, "request_object_encryption_alg_values_supported").ShouldBe(["RSA-OAEP-256"]);
        Strings(metadata, "request_object_encryption_enc_values_supported").ShouldBe(["A256GCM"]);
        File.Exists(generated).ShouldBeFalse();
    }

    [Fact]
    public async Task Configured_keys_in_a_file_are_the_ones_published()
    {
        using var ec = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP384);
        var path = Path.Combine(_root, "ops.jwks.json");
        await File.WriteAllTextAsync(path, KeySet(EcJwk(ec, "ops-ec", "P-384")));
        using var host = new KeyHost(s => s["Jar:DecryptionKeys"] = path);

        var published = await EncryptionKeysAsync(host);

        Kids(published).ShouldBe(["ops-ec"]);
        published[0].GetProperty("crv").GetString().ShouldBe("P-384");
        Strings(await MetadataAsync(host), "request_object_encryption_alg_values_supported").ShouldBe(["ECDH-ES"]);
    }

    [Fact]
    public async Task An_empty_configured_key_set_turns_encrypted_request_objects_off()
    {
        var generated = Path.Combine(_root, "generated.jwks.json");
        using var host = new KeyHost(s =>
        {
            s["Jar:DecryptionKeys"] = """{"keys":[]}""";
            s["Jar:GeneratedDecryptionKeysFile"] = generated;
        });

        (await EncryptionKeysAsync(host)).ShouldBeEmpty();
        var metadata = await MetadataAsync(host);
        metadata.TryGetProperty("request_object_encryption_alg_values_supported", out _).ShouldBeFalse();
        metadata.TryGetProperty("request_object_encryption_enc_values_supported", out _).ShouldBeFalse();
        File.Exists(generated).ShouldBeFalse();
    }

    [Theory]
    [InlineData("missing-file", "Jar:DecryptionKeys: no key set at")]
    [InlineData("not-json", "Jar:DecryptionKeys: not a JSON Web Key Set")]
    [InlineData("public-only", "Jar:DecryptionKeys: key 'k' has no private part")]
    [InlineData("no-kid", "Jar:DecryptionKeys: every key needs a kid of its own.")]
    [InlineData("same-kid", "Jar:DecryptionKeys: every key needs a kid of its own.")]
    [InlineData("use-sig", "Jar:DecryptionKeys: key 'k' has use 'sig', not 'enc'.")]
    [InlineData("rsa-1024", "JarHardening:RequestObjectDecryptionKeys: Decryption key 'k': RSA keys must have at least 2048 bits.")]
    [InlineData("ec-p256k", "JarHardening:RequestObjectDecryptionKeys: Decryption key 'k': curve 'secp256k1' is not P-256, P-384 or P-521.")]
    public void A_key_set_that_cannot_decrypt_stops_the_host_with_a_message_naming_the_setting(string defect, string message)
    {
        using var rsa = RSA.Create(2048);
        using var small = RSA.Create(1024);
        var value = defect switch
        {
            "missing-file" => Path.Combine(_root, "nowhere.jwks.json"),
            "not-json" => "{ keys",
            "public-only" => KeySet(Public(RsaJwk(rsa, "k"))),
            "no-kid" => KeySet(RsaJwk(rsa, null)),
            "same-kid" => KeySet(RsaJwk(rsa, "k"), RsaJwk(rsa, "k")),
            "use-sig" => KeySet(With(RsaJwk(rsa, "k"), "use", "sig")),
            "rsa-1024" => KeySet(RsaJwk(small, "k")),
            _ => KeySet(new JsonObject { ["kty"] = "EC", ["kid"] = "k", ["crv"] = "secp256k1", ["x"] = "AA", ["y"] = "AA", ["d"] = "AA" }),
        };
        using var host = new KeyHost(s => s["Jar:DecryptionKeys"] = value);

        var e = Should.Throw<OptionsValidationException>(() => host.CreateClient());

        e.Message.ShouldContain(message);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static async Task<JsonElement[]> EncryptionKeysAsync(KeyHost host)
    {
        using var http = host.CreateClient();
        var jwksUri = (await MetadataAsync(host)).GetProperty("jwks_uri").GetString()!;
        jwksUri.ShouldBe("http://localhost/.well-known/jwks");
        using var jwks = JsonDocument.Parse(await http.GetStringAsync(new Uri(jwksUri)));
        var keys = jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.Clone()).ToArray();

        // OpenIddict's own signing key stays; the decryption keys are only ever published without private members.
        keys.ShouldContain(k => k.GetProperty("use").GetString() == "sig");
        var encryption = keys.Where(k => k.GetProperty("use").GetString() == "enc").ToArray();
        foreach (var key in encryption)
        {
            PrivateMembers.Where(m => key.TryGetProperty(m, out _)).ShouldBeEmpty();
        }

        return encryption;
    }

    private static async Task<JsonElement> MetadataAsync(KeyHost host)
    {
        using var http = host.CreateClient();
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri(".well-known/openid-configuration", UriKind.Relative)));
        return document.RootElement.Clone();
    }

    private static string[] Kids(IEnumerable<JsonElement> keys) => keys.Select(k => k.GetProperty("kid").GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static string[] Strings(JsonElement metadata, string name) => metadata.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string KeySet(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray([.. keys]) }.ToJsonString();

    private static JsonObject RsaJwk(RSA rsa, string? kid)
    {
        var p = rsa.ExportParameters(true);
        return With(new JsonObject
        {
            ["kty"] = "RSA", ["n"] = B(p.Modulus), ["e"] = B(p.Exponent), ["d"] = B(p.D), ["p"] = B(p.P), ["q"] = B(p.Q),
            ["dp"] = B(p.DP), ["dq"] = B(p.DQ), ["qi"] = B(p.InverseQ),
        }, "kid", kid);
    }

    private static JsonObject EcJwk(ECDiffieHellman ec, string kid, string crv)
    {
        var p = ec.ExportParameters(true);
        return new JsonObject { ["kty"] = "EC", ["kid"] = kid, ["crv"] = crv, ["x"] = B(p.Q.X), ["y"] = B(p.Q.Y), ["d"] = B(p.D) };
    }

    private static JsonObject Public(JsonObject key)
    {
        foreach (var member in PrivateMembers)
        {
            key.Remove(member);
        }

        return key;
    }

    private static JsonObject With(JsonObject key, string name, string? value)
    {
        if (value is not null)
        {
            key[name] = value;
        }

        return key;
    }

    private static string B(byte[]? value) => Base64UrlEncoder.Encode(value!);

    /// <summary>The sample host with the decryption key settings a test gives it.</summary>
    private sealed class KeyHost(Action<Dictionary<string, string?>> configure) : SampleHostFactory
    {
        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            base.AddSettings(settings);
            configure(settings);
        }
    }
}
