namespace Jar.SampleHost.Demo;

/// <summary>How the demo client sends its authorization request.</summary>
public enum DemoDelivery
{
    /// <summary>Plain query parameters (RFC 6749 §4.1.1) with PKCE.</summary>
    Query,

    /// <summary>A signed request object in the <c>request</c> parameter (RFC 9101 §5.1).</summary>
    RequestObjectByValue,

    /// <summary>A signed request object pushed to the PAR endpoint, then its <c>request_uri</c> (RFC 9126 §2, §4).</summary>
    PushedRequestObject,
}
