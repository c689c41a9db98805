namespace Jar.SampleHost;

/// <summary>Every log line of the sample host, declared once.</summary>
internal static partial class SampleHostLog
{
    [LoggerMessage(EventId = 5000, Level = LogLevel.Information, Message = "Registered demo client {ClientId} (JAR profile {Profile}).")]
    public static partial void ClientCreated(ILogger logger, string clientId, string profile);

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Updated demo client {ClientId} from configuration (JAR profile {Profile}).")]
    public static partial void ClientUpdated(ILogger logger, string clientId, string profile);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Database ready ({Provider}); migrations applied now: {Applied}.")]
    public static partial void DatabaseReady(ILogger logger, string? provider, string applied);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Signing and encryption keys are ephemeral: tokens issued by this process are unreadable after a restart.")]
    public static partial void EphemeralKeys(ILogger logger);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "User {Subject} signed in.")]
    public static partial void SignedIn(ILogger logger, string subject);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "User {Subject} {Decision} the authorization request of {ClientId}.")]
    public static partial void ConsentGiven(ILogger logger, string subject, string decision, string? clientId);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Information, Message = "JAR policies: {Seeded} stored from configuration, {Kept} already in the database and kept as they are.")]
    public static partial void PoliciesSeeded(ILogger logger, int seeded, int kept);

    [LoggerMessage(EventId = 5007, Level = LogLevel.Warning, Message = "Generated request object decryption keys (RSA-OAEP-256, ECDH-ES) in {Path}: keep the file private; set Jar:DecryptionKeys to use keys of your own.")]
    public static partial void DecryptionKeysGenerated(ILogger logger, string path);

    [LoggerMessage(EventId = 5008, Level = LogLevel.Information, Message = "{Count} request object decryption key(s) from {Source}; the JWKS publishes their public halves.")]
    public static partial void DecryptionKeysConfigured(ILogger logger, int count, string source);

    [LoggerMessage(EventId = 5009, Level = LogLevel.Error, Message = "The database failed while the {Endpoint} endpoint served {Path}; answered temporarily_unavailable.")]
    public static partial void StoreFailed(ILogger logger, Exception exception, string endpoint, string path);

    [LoggerMessage(EventId = 5010, Level = LogLevel.Warning, Message = "Registration lint, {Level} {RuleId}: {Message}")]
    public static partial void LintFinding(ILogger logger, string level, string ruleId, string message);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Information, Message = "Registration lint: {Errors} errors, {Warnings} warnings, {Notes} notes.")]
    public static partial void LintDone(ILogger logger, int errors, int warnings, int notes);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning, Message = "Registration lint could not run at start (Jar:Lint:OnStart = Warn); the host starts.")]
    public static partial void LintFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Warning, Message = "Diagnostics:UnchainedDecisionRecords is on: decision records are written outside the tamper-evident chain, for measuring its cost; audit verify reports them.")]
    public static partial void UnchainedDecisionRecords(ILogger logger);
}
