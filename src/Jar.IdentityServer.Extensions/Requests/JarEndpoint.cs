namespace Jar.IdentityServer.Extensions;

/// <summary>The endpoint an authorization request arrived at.</summary>
public enum JarEndpoint
{
    /// <summary>The authorization endpoint (RFC 6749 §3.1).</summary>
    Authorization,

    /// <summary>The pushed authorization request endpoint (RFC 9126 §2).</summary>
    PushedAuthorization,

    /// <summary>The token endpoint (RFC 6749 §3.2), where a code of the trail is redeemed.</summary>
    Token,

    /// <summary>No endpoint: an administrative event (a policy change, a retention run) recorded in the trail.</summary>
    Administration,
}
