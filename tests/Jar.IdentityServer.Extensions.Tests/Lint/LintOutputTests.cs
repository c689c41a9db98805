using System.Text.Json;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions.Lint;
using Json.Schema;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

/// <summary>The three outputs of the lint: a table for people, JSON for scripts, SARIF 2.1.0 for code scanning.</summary>
public sealed class LintOutputTests
{
    // One error (JARL001, client), one warning (JARL043, server), one note (JARL006, client).
    private static readonly JarLintReport Report = LintOf(
        Client with { RedirectUris = ["http://app.example.com/callback", "https://other.example.org/cb"] },
        Server with { GrantTypes = Set("authorization_code", "implicit") });

    [Fact]
    public void Text_lists_each_finding_the_fixes_and_the_totals()
    {
        var text = JarLintText.Write(Report);

        text.ShouldContain("error     JARL001  client:clean-client  RedirectUris  Client 'clean-client': redirect URI 'http://app.example.com/callback' uses plain http");
        text.ShouldContain("warning   JARL043  server               GrantTypes    Server: grant type 'implicit' is advertised");
        text.ShouldContain("  JARL001 redirect-uri-plain-http: Register an https redirect URI");
        text.ShouldEndWith("1 clients linted: 1 errors, 1 warnings, 1 notes." + Environment.NewLine);
    }

    [Fact]
    public void Json_carries_totals_and_every_finding_with_guidance_and_fix()
    {
        using var json = JsonDocument.Parse(JarLintJson.Write(Report));
        var root = json.RootElement;

        root.GetProperty("errors").GetInt32().ShouldBe(1);
        root.GetProperty("warnings").GetInt32().ShouldBe(1);
        root.GetProperty("notes").GetInt32().ShouldBe(1);
        var first = root.GetProperty("findings")[0];
        first.GetProperty("ruleId").GetString().ShouldBe("JARL001");
        first.GetProperty("severity").GetString().ShouldBe("error");
        first.GetProperty("clientId").GetString().ShouldBe("clean-client");
        first.GetProperty("guidance").GetString().ShouldBe(JarLintRules.RedirectUriPlainHttp.Guidance);
        root.GetProperty("findings")[2].GetProperty("clientId").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Sarif_is_valid_against_the_sarif_2_1_0_schema()
    {
        var results = SarifSchema.Value.Evaluate(JsonDocument.Parse(JarLintSarif.Write(Report, "host-sample/Jar.SampleHost/appsettings.json")).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });

        results.IsValid.ShouldBeTrue(string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Schema_check_refuses_a_log_that_breaks_it()
    {
        // The validator is live: a level SARIF does not define fails it.
        var broken = JarLintSarif.Write(Report).Replace("\"level\": \"note\"", "\"level\": \"info\"", StringComparison.Ordinal);

        SarifSchema.Value.Evaluate(JsonDocument.Parse(broken).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid.ShouldBeFalse();
    }

    [Fact]
    public void Sarif_names_every_lint_rule_and_locates_each_result_at_its_client()
    {
        using var sarif = JsonDocument.Parse(JarLintSarif.Write(Report));
        var run = sarif.RootElement.GetProperty("runs")[0];

        sarif.RootElement.GetProperty("version").GetString().ShouldBe("2.1.0");
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString())
            .ShouldBe(JarLintRules.All.Select(r => r.Id));
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("level").GetString()))
            .ShouldBe([("JARL001", "error"), ("JARL006", "note"), ("JARL043", "warning")]);
        var location = results[0].GetProperty("locations")[0].GetProperty("logicalLocations")[0];
        location.GetProperty("name").GetString().ShouldBe("clean-client");
        location.GetProperty("fullyQualifiedName").GetString().ShouldBe("clients/clean-client/RedirectUris");
        var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules");
        rules[results[0].GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString().ShouldBe("JARL001");
    }

    /// <summary>
    /// The OASIS SARIF 2.1.0 schema (errata 01) is written in JSON Schema draft-04, which JsonSchema.Net does not
    /// implement. Every keyword it uses (type, enum, required, properties, additionalProperties, definitions/$ref,
    /// items, minItems, uniqueItems, minimum, pattern, format, anyOf, oneOf, default) means the same in draft-07, so
    /// it is read as draft-07 without its draft-04 "id" (a base URI nothing here resolves against); the file itself is
    /// vendored unchanged.
    /// </summary>
    private static readonly Lazy<JsonSchema> SarifSchema = new(BuildSarifSchema);

    // Built once: JsonSchema.Net registers a schema by its $id, and refuses a second registration.
    private static JsonSchema BuildSarifSchema()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Lint", "Schemas", "sarif-schema-2.1.0.json")))!.AsObject();
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        schema.Remove("id");
        return JsonSchema.Build(JsonSerializer.SerializeToElement(schema), new BuildOptions { Dialect = Dialect.Draft07 });
    }
}
