using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.Diagnostics;

/// <summary>Every log line of the engine, declared once with its event id.</summary>
internal static partial class JarLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "JAR request accepted for client {ClientId} at the {Endpoint} endpoint (profile {Profile}, object {RequestObjectHash}).")]
    public static partial void Accepted(ILogger logger, string? clientId, JarEndpoint endpoint, string? profile, string? requestObjectHash);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "JAR request refused for client {ClientId} at the {Endpoint} endpoint: {RuleId} {Error} ({Description}).")]
    public static partial void Refused(ILogger logger, string? clientId, JarEndpoint endpoint, string ruleId, string error, string description);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "JAR report-only: client {ClientId} at the {Endpoint} endpoint would be refused by {RuleIds}; the request goes through.")]
    public static partial void ReportOnly(ILogger logger, string? clientId, JarEndpoint endpoint, string ruleIds);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "JAR store {Store} failed while deciding for client {ClientId}; the request is refused (fail closed).")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string store, string? clientId);
}
