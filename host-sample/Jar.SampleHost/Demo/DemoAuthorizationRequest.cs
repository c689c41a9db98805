namespace Jar.SampleHost.Demo;

/// <summary>An authorization request the demo client has prepared: the URL to open in a browser, and how it was built.</summary>
/// <param name="ClientId">The client.</param>
/// <param name="AuthorizationUrl">The URL to open.</param>
/// <param name="State">The request's state, under which the PKCE verifier is kept.</param>
/// <param name="Delivery">How the request travels.</param>
/// <param name="RequestObject">The request object as sent, when one was made: the signed object, or the JWE around it.</param>
/// <param name="SignedRequestObject">The signed request object: the same as <paramref name="RequestObject"/> unless it was encrypted.</param>
/// <param name="RequestUri">The <c>request_uri</c> the PAR endpoint returned.</param>
/// <param name="ExpiresIn">The PAR response's <c>expires_in</c>, in seconds.</param>
public sealed record DemoAuthorizationRequest(
    string ClientId,
    Uri AuthorizationUrl,
    string State,
    DemoDelivery Delivery,
    string? RequestObject,
    string? SignedRequestObject,
    string? RequestUri,
    int? ExpiresIn);
