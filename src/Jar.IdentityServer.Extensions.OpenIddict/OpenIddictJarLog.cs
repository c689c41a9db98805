using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>Every log line of the OpenIddict adapter, declared once.</summary>
internal static partial class OpenIddictJarLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "The OpenIddict application store failed while reading client {ClientId}; the request is refused (fail closed).")]
    public static partial void ClientStoreFailed(ILogger logger, Exception exception, string? clientId);

    // The exception's type only: its message may quote the client's input.
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "The form of a request at the {Endpoint} endpoint cannot be read ({Failure}); refused with invalid_request (rule JAR110).")]
    public static partial void FormUnreadable(ILogger logger, global::OpenIddict.Server.OpenIddictServerEndpointType endpoint, string failure);

    [LoggerMessage(EventId = 4801, Level = LogLevel.Error, Message = "The decision trail could not record the {Step} step of client {ClientId}'s authorization; an acceptance is refused (fail closed).")]
    public static partial void TrailStoreFailed(ILogger logger, Exception exception, Jar.IdentityServer.Extensions.JarTrailStep step, string? clientId);
}
