namespace Jar.IdentityServer.Extensions;

/// <summary>The single-use ledger of request object <c>jti</c> values (RFC 9101 §10.2, RFC 7519 §4.1.7).</summary>
public interface IReplayLedger
{
    /// <summary>
    /// Consumes <paramref name="jwtId"/> for <paramref name="clientId"/> until <paramref name="expiresAt"/>.
    /// Atomic: of two concurrent calls with the same pair, exactly one returns true, also across instances that
    /// share the ledger. Throws when the ledger cannot answer; the engine then refuses (fail closed).
    /// </summary>
    ValueTask<bool> TryConsumeAsync(string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken);
}
