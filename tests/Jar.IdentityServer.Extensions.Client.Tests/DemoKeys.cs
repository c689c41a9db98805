using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>The demo clients' private keys, as the sample host's DemoKeys folder publishes them (copied beside the tests).</summary>
public static class DemoKeys
{
    public static ClientSigningKey For(string clientId) =>
        ClientSigningKey.FromJwkFile(Path.Combine(AppContext.BaseDirectory, "DemoKeys", $"{clientId}.demo-private.jwk.json"));

    public static ClientKeySet SetFor(string clientId) => new(For(clientId));
}
