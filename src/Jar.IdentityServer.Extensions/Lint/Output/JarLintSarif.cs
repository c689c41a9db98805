using System.Text.Json;

namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>
/// The lint report as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), for CI code scanning:
/// one run, its driver's <c>rules</c> are the whole lint catalogue, and each result names its rule (<c>ruleId</c>,
/// <c>ruleIndex</c>), its <c>level</c>, and a logical location naming the client (or the server).
/// </summary>
public static class JarLintSarif
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    private const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes the report as a SARIF log.</summary>
    /// <param name="report">The report.</param>
    /// <param name="artifactUri">
    /// The file the registrations come from (for example the host's <c>appsettings.json</c>), relative to the
    /// repository root; given, each result also has a physical location, which code scanning services require.
    /// </param>
    public static string Write(JarLintReport report, string? artifactUri = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var rules = JarLintRules.All;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("$schema", Schema);
            json.WriteString("version", Version);
            json.WriteStartArray("runs");
            json.WriteStartObject();
            json.WriteStartObject("tool");
            json.WriteStartObject("driver");
            json.WriteString("name", "jar-lint");
            json.WriteString("fullName", "Jar.IdentityServer.Extensions registration lint");
            json.WriteStartArray("rules");
            foreach (var rule in rules)
            {
                WriteRule(json, rule);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
            json.WriteStartArray("results");
            foreach (var finding in report.Findings)
            {
                WriteResult(json, finding, IndexOf(rules, finding.Rule), artifactUri);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteRule(Utf8JsonWriter json, JarLintRule rule)
    {
        json.WriteStartObject();
        json.WriteString("id", rule.Id);
        json.WriteString("name", rule.Name);
        json.WriteStartObject("shortDescription");
        json.WriteString("text", rule.Title);
        json.WriteEndObject();
        json.WriteStartObject("fullDescription");
        json.WriteString("text", $"{rule.Title} Guidance: {rule.Guidance}.");
        json.WriteEndObject();
        json.WriteStartObject("help");
        json.WriteString("text", rule.Fix);
        json.WriteEndObject();
        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", JarLintText.Level(rule.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("guidance", rule.Guidance);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, JarLintFinding finding, int ruleIndex, string? artifactUri)
    {
        json.WriteStartObject();
        json.WriteString("ruleId", finding.Rule.Id);
        json.WriteNumber("ruleIndex", ruleIndex);
        json.WriteString("level", JarLintText.Level(finding.Severity));
        json.WriteStartObject("message");
        json.WriteString("text", finding.Message);
        json.WriteEndObject();
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (artifactUri is not null)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", artifactUri);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", finding.ClientId ?? "server");
        json.WriteString("fullyQualifiedName", finding.ClientId is null ? "server/" + finding.Setting : $"clients/{finding.ClientId}/{finding.Setting}");
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartObject("properties");
        json.WriteString("subject", finding.Subject);
        json.WriteString("setting", finding.Setting);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static int IndexOf(IReadOnlyList<JarLintRule> rules, JarLintRule rule)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            if (ReferenceEquals(rules[i], rule))
            {
                return i;
            }
        }

        return -1;
    }
}
