namespace Jar.IdentityServer.Extensions;

/// <summary>Records of the trail that are not authorization requests.</summary>
public static class JarTrailExtensions
{
    /// <summary>
    /// Appends an administrative event (for example a policy loosened by an operator): its own one-record trail, with
    /// who did it, why, and what changed. Values are recorded as given: pass no secrets.
    /// </summary>
    /// <param name="trail">The trail.</param>
    /// <param name="time">The clock of the record.</param>
    /// <param name="actor">Who made the change.</param>
    /// <param name="action">What was done, as a short stable name (<c>policy.loosened</c>).</param>
    /// <param name="reason">The reason given.</param>
    /// <param name="clientId">The client concerned, when there is one.</param>
    /// <param name="before">The state before, as the caller renders it (JSON is usual).</param>
    /// <param name="after">The state after.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>The record appended.</returns>
    public static async ValueTask<JarDecision> AppendAdministrativeEventAsync(
        this IJarTrail trail,
        TimeProvider time,
        string actor,
        string action,
        string reason,
        string? clientId,
        string? before,
        string? after,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trail);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentException.ThrowIfNullOrEmpty(actor);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentNullException.ThrowIfNull(reason);
        var now = time.GetUtcNow();
        var record = new JarDecision
        {
            Outcome = JarOutcome.Accepted,
            DecidedAt = now,
            Endpoint = JarEndpoint.Administration,
            Step = JarTrailStep.Administrative,
            TrailId = JarTrailIds.New(now),
            ClientId = clientId,
            Subject = actor,
            Reason = $"{action}: {reason}",
            Detail = before is null && after is null ? null : $"{{\"before\":{Json(before)},\"after\":{Json(after)}}}",
        };
        await trail.AppendAsync(record, cancellationToken).ConfigureAwait(false);
        return record;
    }

    private static string Json(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var builder = new System.Text.StringBuilder();
        JsonCanonicalization.WriteString(builder, value);
        return builder.ToString();
    }
}
