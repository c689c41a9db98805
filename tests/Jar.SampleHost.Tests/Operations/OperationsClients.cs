using Jar.SampleHost.Tests.Conformance;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// The clients of the operations tests, registered through configuration on every instance that shares a database:
/// a confidential client whose strict policy requires a one-time <c>jti</c> (RFC 9101 §10.2), and a public client
/// that sends plain parameters with PKCE.
/// </summary>
public sealed class OperationsClients : IDisposable
{
    public OperationsClients()
    {
        Signing = new TestClient("ops-client", "https://ops.example/cb", Key, [Key]);
        Public = new TestClient("ops-public", "https://ops-public.example/cb", null, []);
    }

    public TestKey Key { get; } = TestKey.Rsa("ops-1");

    /// <summary>Profile strict with <c>RequireJwtId</c>: every request object it sends is consumed in the replay ledger.</summary>
    public TestClient Signing { get; }

    /// <summary>Profile strict, no keys: query parameters and PKCE S256.</summary>
    public TestClient Public { get; }

    public void Configure(IDictionary<string, string?> settings)
    {
        ConformanceClients.Register(settings, Signing, ["openid", "profile", "accounts"], new() { ["RequireJwtId"] = "true" });
        ConformanceClients.Register(settings, Public, ["openid", "profile", "accounts"], []);
    }

    public void Dispose() => Key.Dispose();
}
