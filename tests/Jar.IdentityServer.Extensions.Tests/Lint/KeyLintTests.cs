using Jar.IdentityServer.Extensions.Lint;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

public sealed class KeyLintTests
{
    [Fact]
    public void Flags_rsa_key_under_2048_bits()
    {
        var finding = Single(JarLintRules.KeyRsaTooShort, Client with { Keys = [Rsa("small", 1024), Rsa()] });

        finding.Setting.ShouldBe("Jwks");
        finding.Message.ShouldBe("Client 'clean-client': RSA key 'small' has 1024 bits; at least 2048 are required.");
    }

    [Fact]
    public void Accepts_rsa_key_of_2048_bits_and_ec_keys() =>
        Findings(JarLintRules.KeyRsaTooShort, Client with { Keys = [Rsa(), Ec()] }).ShouldBeEmpty();

    [Fact]
    public void Flags_registered_key_without_kid() =>
        Single(JarLintRules.KeyIdMissing, Client with { Keys = [Rsa(kid: null), Rsa("k2")] })
            .Message.ShouldBe("Client 'clean-client': 1 of its 2 registered keys have no kid.");

    [Fact]
    public void Accepts_keys_that_all_have_a_kid() =>
        Findings(JarLintRules.KeyIdMissing, Client with { Keys = [Rsa("k1"), Ec("e1")] }).ShouldBeEmpty();

    [Fact]
    public void Flags_two_registered_keys_sharing_a_kid() =>
        Single(JarLintRules.KeyIdDuplicate, Client with { Keys = [Rsa("same"), Ec("same")] })
            .Message.ShouldBe("Client 'clean-client': kid 'same' names more than one registered key.");

    [Fact]
    public void Accepts_distinct_kids() =>
        Findings(JarLintRules.KeyIdDuplicate, Client with { Keys = [Rsa("a"), Rsa("b")] }).ShouldBeEmpty();

    [Fact]
    public void Flags_private_key_material_in_a_registered_key_set() =>
        Single(JarLintRules.KeyPrivateMaterial, Client with { Keys = [Rsa("leaked", includePrivate: true)] })
            .Message.ShouldBe("Client 'clean-client': registered key 'leaked' includes private key material.");

    [Fact]
    public void Accepts_public_keys_only() =>
        Findings(JarLintRules.KeyPrivateMaterial, Client with { Keys = [Rsa(), Ec()] }).ShouldBeEmpty();

    [Fact]
    public void Flags_symmetric_key_where_request_objects_must_be_signed() =>
        Single(JarLintRules.KeySymmetric, Client with { Keys = [Rsa(), Symmetric("shared")] })
            .Message.ShouldBe("Client 'clean-client': registered key 'shared' is symmetric (kty oct).");

    [Fact]
    public void Accepts_asymmetric_keys() =>
        Findings(JarLintRules.KeySymmetric, Client with { Keys = [Rsa(), Ec()] }).ShouldBeEmpty();

    [Fact]
    public void Flags_one_public_key_registered_for_signing_and_encryption()
    {
        var signing = Rsa("sig-1");
        var encryption = Microsoft.IdentityModel.Tokens.JsonWebKey.Create(System.Text.Json.JsonSerializer.Serialize(new { kty = "RSA", n = signing.N, e = signing.E, kid = "enc-1", use = "enc" }));

        Single(JarLintRules.KeySigningAndEncryption, Client with { Keys = [signing, encryption] })
            .Message.ShouldBe("Client 'clean-client': one public key is registered for both use sig and use enc (key 'sig-1', key 'enc-1').");
    }

    [Fact]
    public void Flags_key_ops_naming_both_signing_and_encryption()
    {
        var key = Rsa("both");
        key.Use = null;
        key.KeyOps.Add("verify");
        key.KeyOps.Add("encrypt");

        Single(JarLintRules.KeySigningAndEncryption, Client with { Keys = [key] })
            .Message.ShouldBe("Client 'clean-client': key 'both' has key_ops for both signing and encryption.");
    }

    [Fact]
    public void Accepts_separate_keys_for_signing_and_encryption()
    {
        var encryption = Rsa("enc-1");
        encryption.Use = "enc";

        Findings(JarLintRules.KeySigningAndEncryption, Client with { Keys = [Rsa("sig-1"), encryption] }).ShouldBeEmpty();
    }

    [Fact]
    public void Flags_expired_certificate() =>
        Single(JarLintRules.KeyCertificateExpired, Client with { Keys = [WithCertificate(Now.AddDays(-1))] })
            .Message.ShouldBe($"Client 'clean-client': the certificate of key 'c1' expired on {Now.AddDays(-1):yyyy-MM-dd}.");

    [Fact]
    public void Accepts_current_certificate() =>
        Findings(JarLintRules.KeyCertificateExpired, Client with { Keys = [WithCertificate(Now.AddDays(30))] }).ShouldBeEmpty();
}
