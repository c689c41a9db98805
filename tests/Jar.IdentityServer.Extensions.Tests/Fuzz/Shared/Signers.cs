using System.Text;
using CsCheck;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// The ways an input gets its signature: the client's own key (the only ones that may verify), the same key under
/// another algorithm, the wrong kid, the attacker's key KA claiming the client's kid, the other client's key K2, an
/// HMAC keyed with the client's public key (algorithm confusion), the client's secret, alg none, random bytes, a
/// signature over another message, an ECDSA signature in DER or in its (r, n - s) twin.
/// </summary>
internal static class Signers
{
    private static readonly string[] OtherRsaAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
    ];

    private static readonly string[] Hmac = [SecurityAlgorithms.HmacSha256, SecurityAlgorithms.HmacSha384, SecurityAlgorithms.HmacSha512];

    public static Gen<Signer> For(FuzzKeyRing ring)
    {
        var own = Gen.Int[0, ring.ClientKeys.Count - 1].Select(i => ring.ClientKeys[i]);
        var rsa = ring.ClientKeys.Where(static k => k.IsRsa).ToArray();
        var ec = ring.ClientKeys.Where(static k => !k.IsRsa).ToArray();
        var clientKid = ring.ClientKeys[0].Kid;
        var choices = new List<(int, IGen<Signer>)>
        {
            (40, own.Select(k => new Signer($"client key {k.Kid} {k.Algorithm}", k.Algorithm, k.Kid, b => Signer.With(k.PrivateKey, k.Algorithm, b)))),
            (4, own.Select(k => new Signer($"client key {k.Kid} {k.Algorithm}, no kid", k.Algorithm, null, b => Signer.With(k.PrivateKey, k.Algorithm, b)))),
            (3, Gen.Select(own, own, (k, named) => new Signer($"client key {k.Kid} under kid {named.Kid}", k.Algorithm, named.Kid, b => Signer.With(k.PrivateKey, k.Algorithm, b)))),
            (6, Gen.OneOf(new string?[] { "k1", clientKid, ring.Attacker.Kid, null }).Select(kid => new Signer(
                $"attacker key KA under kid {kid ?? "(none)"}", SecurityAlgorithms.RsaSsaPssSha256, kid, b => Signer.With(ring.Attacker.PrivateKey, SecurityAlgorithms.RsaSsaPssSha256, b)))),
            (4, Gen.OneOf(ring.OtherClient.Kid, clientKid).Select(kid => new Signer(
                $"other client's key {ring.OtherClient.Kid} under kid {kid}", ring.OtherClient.Algorithm, kid, b => Signer.With(ring.OtherClient.PrivateKey, ring.OtherClient.Algorithm, b)))),
            (6, Gen.Select(Gen.Int[0, ring.PublicKeyBytes.Count - 1], Gen.OneOf(Hmac), Gen.Bool, (i, alg, kid) =>
            {
                var (name, bytes) = ring.PublicKeyBytes[i];
                return new Signer($"{alg} keyed with {name} (alg confusion)", alg, kid ? clientKid : null, b => Signer.With(new SymmetricSecurityKey(bytes), alg, b));
            })),
            (2, Gen.OneOf(Hmac).Select(alg => new Signer($"{alg} with a secret that is not the client's", alg, null,
                b => Signer.With(new SymmetricSecurityKey(Encoding.ASCII.GetBytes("not-the-clients-secret-but-long-enough-for-hmac")), alg, b)))),
            (2, Gen.OneOf("none", "None", "NONE").Select(alg => new Signer($"alg {alg}, empty signature", alg, null, static _ => []))),
            (1, own.Select(k => new Signer($"alg none over {k.Kid}'s signature", "none", null, b => Signer.With(k.PrivateKey, k.Algorithm, b)))),
            (2, Gen.Select(own, Gen.OneOf(0, 1, 64, 256, 512), (k, length) => new Signer(
                $"{length} zero bytes as {k.Kid}'s signature", k.Algorithm, k.Kid, _ => new byte[length]))),
            (2, own.Select(k => new Signer($"{k.Kid}'s signature over another message", k.Algorithm, k.Kid, b => Signer.With(k.PrivateKey, k.Algorithm, [.. b, (byte)'x'])))),
        };

        if (rsa.Length > 0)
        {
            choices.Add((6, Gen.OneOf(OtherRsaAlgorithms).Select(alg => new Signer($"client key {rsa[0].Kid} under {alg}", alg, rsa[0].Kid, b => Signer.With(rsa[0].PrivateKey, alg, b)))));
        }

        if (ec.Length > 0)
        {
            var key = (ECDsaSecurityKey)ec[0].PrivateKey;
            choices.Add((1, Gen.Const(new Signer($"client key {ec[0].Kid} ES256 in DER", SecurityAlgorithms.EcdsaSha256, ec[0].Kid, b => Signer.Der(key, b)))));
            choices.Add((1, Gen.Const(new Signer($"client key {ec[0].Kid} ES256 twin (r, n - s)", SecurityAlgorithms.EcdsaSha256, ec[0].Kid, b => Signer.Malleated(key, b)))));
        }

        if (ring.SharedSecret is { } secret)
        {
            choices.Add((6, Gen.OneOf(Hmac).Select(alg => new Signer($"{alg} with the client's secret", alg, null, b => Signer.With(new SymmetricSecurityKey(secret), alg, b)))));
        }

        return Gen.Frequency([.. choices]);
    }
}
