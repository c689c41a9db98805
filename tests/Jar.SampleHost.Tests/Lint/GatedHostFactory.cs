namespace Jar.SampleHost.Tests.Lint;

/// <summary>The sample host's own configuration with <c>Jar:Lint:OnStart = Fail</c>: it lints without errors, so it starts.</summary>
public sealed class GatedHostFactory : SampleHostFactory
{
    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        settings["Jar:Lint:OnStart"] = "Fail";
    }
}
