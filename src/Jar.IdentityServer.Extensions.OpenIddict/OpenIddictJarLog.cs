using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>Every log line of the OpenIddict adapter, declared once.</summary>
internal static partial class OpenIddictJarLog
{
    [LoggerMessage(EventId = 4200, Level = LogLevel.Error, Message = "The OpenIddict application store failed while reading client {ClientId}; the request is refused (fail closed).")]
    public static partial void ClientStoreFailed(ILogger logger, Exception exception, string? clientId);
}
