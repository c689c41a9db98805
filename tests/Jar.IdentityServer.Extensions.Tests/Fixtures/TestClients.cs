namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>The registered clients of the fixture (the fixture of docs/conformance/catalogue.md).</summary>
internal static class TestClients
{
    public const string C1Id = "c1";
    public const string C2Id = "c2";

    /// <summary>C1's one registered redirect URI.</summary>
    public const string RU1 = "https://client.example.com/cb";

    /// <summary>C1 holds an RSA key (k1, PS256) and an EC key (e1, ES256).</summary>
    public static JarClient C1 { get; } = new(C1Id, [TestKeys.K1.Jwk(), TestKeys.E1.Jwk()], [RU1]);

    public static JarClient C2 { get; } = new(C2Id, [TestKeys.K2.Jwk()], ["https://client2.example.com/cb"]);

    /// <summary>C1 with a key set of the test's choosing.</summary>
    public static JarClient C1With(params Microsoft.IdentityModel.Tokens.JsonWebKey[] keys) => C1 with { SigningKeys = keys };
}
