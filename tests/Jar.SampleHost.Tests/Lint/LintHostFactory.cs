namespace Jar.SampleHost.Tests.Lint;

/// <summary>The sample host on SQLite with <see cref="LintClients.HttpClient"/> configured, started with <c>Jar:Lint:OnStart = Warn</c>.</summary>
public class LintHostFactory : SampleHostFactory
{
    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        LintClients.Add(settings, OnStart);
    }

    /// <summary>The start-up gate's setting.</summary>
    protected virtual string OnStart => "Warn";
}
