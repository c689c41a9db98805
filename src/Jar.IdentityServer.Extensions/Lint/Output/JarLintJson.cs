using System.Text.Json;

namespace Jar.IdentityServer.Extensions.Lint;

/// <summary>The lint report as JSON for scripts: totals, then every finding with its rule's guidance and fix.</summary>
public static class JarLintJson
{
    /// <summary>Writes the report as an indented JSON object.</summary>
    public static string Write(JarLintReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("clients", report.ClientCount);
            json.WriteNumber("errors", report.Count(JarLintSeverity.Error));
            json.WriteNumber("warnings", report.Count(JarLintSeverity.Warning));
            json.WriteNumber("notes", report.Count(JarLintSeverity.Note));
            json.WriteStartArray("findings");
            foreach (var finding in report.Findings)
            {
                json.WriteStartObject();
                json.WriteString("ruleId", finding.Rule.Id);
                json.WriteString("name", finding.Rule.Name);
                json.WriteString("severity", JarLintText.Level(finding.Severity));
                json.WriteString("subject", finding.Subject);
                if (finding.ClientId is null)
                {
                    json.WriteNull("clientId");
                }
                else
                {
                    json.WriteString("clientId", finding.ClientId);
                }

                json.WriteString("setting", finding.Setting);
                json.WriteString("message", finding.Message);
                json.WriteString("guidance", finding.Rule.Guidance);
                json.WriteString("fix", finding.Rule.Fix);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
