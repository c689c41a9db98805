using Jar.IdentityServer.Extensions.Lint;

namespace Jar.SampleHost.Lint;

/// <summary>The registration lint of the sample host, bound from <c>Jar:Lint</c>.</summary>
public sealed class LintSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jar:Lint";

    /// <summary>What the host does with the lint when it starts (default <see cref="LintOnStart.Warn"/>).</summary>
    public LintOnStart OnStart { get; set; } = LintOnStart.Warn;

    /// <summary>How long a policy may stay report-only before JARL032 warns (30 days).</summary>
    public TimeSpan MaxReportOnlyAge { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How far back JARL036 reports loosened policies (30 days).</summary>
    public TimeSpan RecentLooseningWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The lint's thresholds: the engine's defaults, with these two from configuration.</summary>
    public JarLintOptions ToOptions() => new() { MaxReportOnlyAge = MaxReportOnlyAge, RecentLooseningWindow = RecentLooseningWindow };
}
