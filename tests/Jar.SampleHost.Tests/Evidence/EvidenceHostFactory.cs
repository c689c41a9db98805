namespace Jar.SampleHost.Tests.Evidence;

/// <summary>The sample host with <c>Jar:Audit:KeepRequestObjects</c> on: each verified request object is kept in its record.</summary>
public sealed class EvidenceHostFactory : SampleHostFactory
{
    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        settings["Jar:Audit:KeepRequestObjects"] = "true";
    }
}
