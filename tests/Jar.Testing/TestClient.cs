namespace Jar.Testing;

/// <summary>A client registered at the test host: its id, its one redirect URI, the key it signs with and every key it registered.</summary>
/// <param name="ClientId">The client_id.</param>
/// <param name="RedirectUri">The only registered redirect URI (nothing is ever fetched from it).</param>
/// <param name="Key">The key the client signs request objects and client assertions with; null for a public client.</param>
/// <param name="RegisteredKeys">The client's JSON Web Key Set.</param>
public sealed record TestClient(string ClientId, string RedirectUri, TestKey? Key, IReadOnlyList<TestKey> RegisteredKeys)
{
    public bool IsPublic => Key is null;

    public override string ToString() => ClientId;
}
