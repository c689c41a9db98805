using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Jar.IdentityServer.Extensions.Diagnostics;

/// <summary>The engine's meter and activity source, both named <see cref="Name"/>.</summary>
public sealed class JarTelemetry : IDisposable
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "Jar.IdentityServer.Extensions";

    private readonly Meter _meter;
    private readonly Counter<long> _decisions;

    /// <summary>Creates the meter through the host's factory.</summary>
    public JarTelemetry(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _decisions = _meter.CreateCounter<long>("jar.decisions", unit: "{decision}", description: "Authorization requests decided, by outcome, rule id and client.");
    }

    /// <summary>The activity source of the validation span.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    internal void Count(JarDecision decision)
    {
        var rule = decision.Violations.Count > 0 ? decision.Violations[0].Rule.Id : "none";
        _decisions.Add(1,
            new KeyValuePair<string, object?>("jar.outcome", decision.Outcome.ToString()),
            new KeyValuePair<string, object?>("jar.rule_id", rule),
            new KeyValuePair<string, object?>("oauth.client_id", decision.ClientId),
            new KeyValuePair<string, object?>("jar.endpoint", decision.Endpoint.ToString()));
    }

    /// <inheritdoc />
    public void Dispose() => _meter.Dispose();
}
