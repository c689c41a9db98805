using System.Security.Cryptography;
using CsCheck;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// One engine the fuzzer aims at, with the client registrations a host would hand it and what its policy allows.
/// Each builds, per client, the generator of that client's mutated request objects.
/// </summary>
internal sealed class EngineSetting : IDisposable
{
    /// <summary>C1's secret in the setting that allows HMAC: fixed, so the inputs are the same on every run.</summary>
    private static readonly byte[] Secret = SHA256.HashData("c1's client secret"u8);

    private EngineSetting(string name, TestEngine engine, IReadOnlySet<string> allowedAlgorithms, bool reportOnly, bool requireJwtId, JarClient c1)
    {
        Name = name;
        Engine = engine;
        AllowedAlgorithms = allowedAlgorithms;
        ReportOnly = reportOnly;
        Clients = new Dictionary<string, JarClient>(StringComparer.Ordinal) { [TestClients.C1Id] = c1, [TestClients.C2Id] = TestClients.C2 };
        var c1Keys = new FuzzKeyRing([Key(TestKeys.K1), Key(TestKeys.E1)], Key(TestKeys.K2), Key(TestKeys.KA), c1.SharedSecret?.ToArray());
        var c2Keys = new FuzzKeyRing([Key(TestKeys.K2)], Key(TestKeys.K1), Key(TestKeys.KA), null);
        Objects = new Dictionary<string, Gen<FuzzedObject>>(StringComparer.Ordinal)
        {
            [TestClients.C1Id] = RequestObjectFuzzer.Objects(Context(TestClients.C1Id, TestClients.C2Id, TestClients.RU1), c1Keys, Baseline(TestClients.C1Id, TestKeys.K1, TestClients.RU1, requireJwtId)),
            [TestClients.C2Id] = RequestObjectFuzzer.Objects(Context(TestClients.C2Id, TestClients.C1Id, TestClients.C2.RedirectUris.Single()), c2Keys, Baseline(TestClients.C2Id, TestKeys.K2, TestClients.C2.RedirectUris.Single(), false)),
        };
    }

    public string Name { get; }

    public TestEngine Engine { get; }

    /// <summary>The algorithms the policy allows: an accepted object is signed with one of them.</summary>
    public IReadOnlySet<string> AllowedAlgorithms { get; }

    /// <summary>Policy violations go through under report-only; integrity violations never do.</summary>
    public bool ReportOnly { get; }

    /// <summary>The registrations by client_id, as the host's client store would return them.</summary>
    public IReadOnlyDictionary<string, JarClient> Clients { get; }

    /// <summary>Each client's mutated request objects.</summary>
    public IReadOnlyDictionary<string, Gen<FuzzedObject>> Objects { get; }

    /// <summary>The engine's defaults: the strict profile, PS256 and ES256.</summary>
    public static EngineSetting Strict() =>
        new("strict", new TestEngine(), new HashSet<string>(StringComparer.Ordinal) { "PS256", "ES256" }, reportOnly: false, requireJwtId: false, TestClients.C1);

    /// <summary>
    /// As loose as a policy gets: every RSA, EC and HMAC algorithm, report-only, no nbf or iss required, and C1 known
    /// with its secret. Integrity checks must hold all the same, and more inputs reach the checks after the signature.
    /// </summary>
    public static EngineSetting Permissive()
    {
        string[] algorithms = ["PS256", "PS384", "PS512", "RS256", "RS384", "RS512", "ES256", "ES384", "ES512", "HS256", "HS384", "HS512"];
        var policy = JarProfiles.BuiltIn[JarProfiles.Strict] with
        {
            Profile = "fuzz-permissive",
            AllowedSigningAlgorithms = algorithms.ToHashSet(StringComparer.Ordinal),
            Mode = EnforcementMode.ReportOnly,
            RequireNotBefore = false,
            RequireIssuer = false,
        };
        return new("permissive report-only", TestEngine.WithPolicy(policy), policy.AllowedSigningAlgorithms, reportOnly: true, requireJwtId: false,
            TestClients.C1 with { SharedSecret = Secret });
    }

    /// <summary>C1 on FAPI 2.0 Message Signing with jti required: PAR and an object required, each object used once.</summary>
    public static EngineSetting Fapi2WithJwtId() =>
        new("fapi2-message-signing with jti", TestEngine.WithClientPolicy(new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, RequireJwtId = true }),
            new HashSet<string>(StringComparer.Ordinal) { "PS256", "ES256" }, reportOnly: false, requireJwtId: true, TestClients.C1);

    public override string ToString() => Name;

    public void Dispose() => Engine.Dispose();

    private static FuzzSigningKey Key(TestKey key) => new(key.KeyId!, (AsymmetricSecurityKey)key.PrivateKey);

    private static FuzzContext Context(string clientId, string otherClientId, string redirectUri) =>
        new(TestEngine.Issuer, clientId, otherClientId, redirectUri, TestEngine.Start.ToUnixTimeSeconds(), ["k1", "e1", "k1b", "k2", "ka"]);

    /// <summary>
    /// R0 of the client (the fixture of docs/conformance/catalogue.md), sometimes with a typ, an iat or a jti as clients also send them; a jti
    /// is unique to the input, so only a mutation makes two inputs share one.
    /// </summary>
    private static Gen<(string Header, string Payload)> Baseline(string clientId, TestKey key, string redirectUri, bool requireJwtId) =>
        Gen.Select(Gen.ULong, Gen.Int[0, 3], Gen.Int[0, 3], (n, claims, typ) =>
        {
            var requestObject = RequestObject.R0(TestEngine.Start, clientId, key).With("redirect_uri", redirectUri);
            if (requireJwtId || claims == 0)
            {
                requestObject.With("jti", n.ToString("x16", System.Globalization.CultureInfo.InvariantCulture));
            }

            if (claims == 1)
            {
                requestObject.With("iat", TestEngine.Start.ToUnixTimeSeconds());
            }

            if (typ == 0)
            {
                requestObject.WithHeader("typ", "oauth-authz-req+jwt");
            }

            return (requestObject.HeaderJson, requestObject.PayloadJson);
        });
}
