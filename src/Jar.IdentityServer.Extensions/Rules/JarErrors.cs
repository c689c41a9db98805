namespace Jar.IdentityServer.Extensions;

/// <summary>The OAuth error codes the engine answers with.</summary>
public static class JarErrors
{
    /// <summary>RFC 6749 §4.1.2.1.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>RFC 8707 §2: a resource the client may not ask for.</summary>
    public const string InvalidTarget = "invalid_target";

    /// <summary>RFC 9101 §7.</summary>
    public const string InvalidRequestObject = "invalid_request_object";

    /// <summary>RFC 9101 §7.</summary>
    public const string InvalidRequestUri = "invalid_request_uri";

    /// <summary>RFC 6749 §4.1.2.1.</summary>
    public const string InvalidScope = "invalid_scope";

    /// <summary>RFC 6749 §4.1.2.1.</summary>
    public const string UnauthorizedClient = "unauthorized_client";

    /// <summary>
    /// RFC 6749 §4.1.2.1. The one code for a disallowed response type that conformance suites accept at both the
    /// authorization and the PAR endpoint (FAPI 1.0 Advanced §5.2.2-2 tests).
    /// </summary>
    public const string UnsupportedResponseType = "unsupported_response_type";

    /// <summary>RFC 6749 §5.2.</summary>
    public const string InvalidClient = "invalid_client";

    /// <summary>RFC 6749 §4.1.2.1.</summary>
    public const string TemporarilyUnavailable = "temporarily_unavailable";
}
