using Jar.IdentityServer.Extensions.Lint;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Lint;

/// <summary>
/// <c>Jar:Lint:OnStart</c>: lints the host once its database is ready (registered after <see cref="Data.DatabaseInitializer"/>,
/// and hosted services start in order). <c>Fail</c> refuses to start on an error finding and names it.
/// </summary>
internal sealed class LintGate(IServiceProvider services, IOptions<LintSettings> settings, ILogger<LintGate> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = settings.Value.OnStart;
        if (mode == LintOnStart.Off)
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        JarLintReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<SampleLint>().RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (mode == LintOnStart.Warn && e is not OperationCanceledException)
        {
            // Warn never stops a start: a lint that cannot read (a stored policy edited into something invalid) is said, not fatal.
            SampleHostLog.LintFailed(logger, e);
            return;
        }

        foreach (var finding in report.Findings)
        {
            SampleHostLog.LintFinding(logger, JarLintText.Level(finding.Severity), finding.Rule.Id, finding.Message);
        }

        int errors = report.Count(JarLintSeverity.Error), warnings = report.Count(JarLintSeverity.Warning), notes = report.Count(JarLintSeverity.Note);
        SampleHostLog.LintDone(logger, errors, warnings, notes);
        if (mode == LintOnStart.Fail && report.HasErrors)
        {
            var named = report.Findings.Where(f => f.Severity == JarLintSeverity.Error).Select(f => $"{f.Rule.Id} {f.Message}");
            throw new InvalidOperationException(
                $"Jar:Lint:OnStart is Fail and the registration lint found errors; the host does not start. {string.Join(" ", named)}");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
