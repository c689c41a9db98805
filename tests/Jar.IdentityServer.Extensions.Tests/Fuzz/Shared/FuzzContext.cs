namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>What the generators know of the server and the client they aim at, so mutated values sit near the valid ones.</summary>
/// <param name="Issuer">The issuer identifier the object's <c>aud</c> must name.</param>
/// <param name="ClientId">The client the request names.</param>
/// <param name="OtherClientId">Another registered client.</param>
/// <param name="RedirectUri">The client's registered redirect URI.</param>
/// <param name="Now">The server's clock, in NumericDate seconds.</param>
/// <param name="KeyIds">Key ids that mean something here: the client's, the other client's, the attacker's.</param>
internal sealed record FuzzContext(string Issuer, string ClientId, string OtherClientId, string RedirectUri, long Now, IReadOnlyList<string> KeyIds);
