using Microsoft.EntityFrameworkCore;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Writes one <see cref="JarDecisionRecord"/> per decision. A failure throws, and the engine then refuses the
/// request: no request is served without its record.
/// </summary>
internal sealed class EntityFrameworkDecisionSink<TContext>(JarDbContexts<TContext> contexts) : IJarDecisionSink
    where TContext : DbContext
{
    public async ValueTask RecordAsync(JarDecision decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decision);
        var record = ToRecord(decision);
        await using var lease = await contexts.CreateAsync(cancellationToken).ConfigureAwait(false);
        lease.Context.Set<JarDecisionRecord>().Add(record);
        await lease.Context.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    internal static JarDecisionRecord ToRecord(JarDecision decision) => new()
    {
        DecidedAt = decision.DecidedAt,

        // Values a refused request may carry at any length (an unregistered client_id, a kid or alg header) are
        // cut to their column, so the refusal is still recorded on every provider.
        ClientId = Bounded(decision.ClientId, JarDecisionRecord.MaxClientIdLength),
        Endpoint = decision.Endpoint,
        Outcome = decision.Outcome,
        RuleIds = Bounded(string.Join(',', decision.Violations.Select(v => v.Rule.Id).Distinct(StringComparer.Ordinal)), JarDecisionRecord.MaxRuleIdsLength)!,
        Profile = Bounded(decision.Profile, JarClientPolicy.MaxProfileLength),
        RequestObjectHash = decision.RequestObjectHash,
        JwtId = Bounded(decision.JwtId, JarReplayEntry.MaxJwtIdLength),
        KeyId = Bounded(decision.KeyId, JarDecisionRecord.MaxKeyIdLength),
        Algorithm = Bounded(decision.Algorithm, JarDecisionRecord.MaxAlgorithmLength),
    };

    private static string? Bounded(string? value, int length) => value is { Length: var n } && n > length ? value[..length] : value;
}
