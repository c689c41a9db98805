namespace Jar.IdentityServer.Extensions.Client;

/// <summary>A pushed authorization request the server accepted (RFC 9126 §2.2).</summary>
/// <param name="RequestUri">The <c>request_uri</c> the server issued.</param>
/// <param name="ExpiresIn">How long it is valid (<c>expires_in</c>).</param>
/// <param name="AuthorizationUrl">The URL to open: the authorization endpoint with <c>client_id</c> and <c>request_uri</c> (RFC 9126 §4).</param>
/// <param name="RequestObject">The request object that was pushed (signed, and encrypted if so configured).</param>
public sealed record PushedAuthorizationResult(string RequestUri, TimeSpan ExpiresIn, Uri AuthorizationUrl, string RequestObject);
