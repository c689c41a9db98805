using Jar.Cli;
using Jar.IdentityServer.Extensions.Client.Keys;
using Jar.IdentityServer.Extensions.Client.RequestObjects;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>
/// <c>jar inspect</c> on broken request objects names the rule id the sample host answers with when the same object
/// is pushed: one engine, offline and online.
/// </summary>
public sealed class InspectAgreesWithServerTests(InspectAgreesWithServerTests.Host host) : IClassFixture<InspectAgreesWithServerTests.Host>
{
    private const string ClientId = "fapi2-client";

    public sealed class Host : SampleHost;

    public static TheoryData<string, string> Broken => new()
    {
        { "another-audience", "JAR402" },
        { "expired", "JAR302" },
        { "no-pkce", "JAR603" },
        { "unknown-key", "JAR203" },
        { "implicit-response-type", "JAR609" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public async Task Inspect_names_the_rule_the_server_answers(string breakage, string rule)
    {
        var requestObject = Build(breakage);
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = ClientId, Issuer = host.Issuer, Keys = DemoKeys.SetFor(ClientId) });

        var refused = await Should.ThrowAsync<JarServerException>(() => client.PushRequestObjectAsync(requestObject));
        refused.RuleId.ShouldBe(rule);

        var (exit, output) = await InspectAsync(requestObject);
        exit.ShouldBe(1, output);
        FirstRule(output).ShouldBe(refused.RuleId, output);
    }

    [Fact]
    public async Task Inspect_passes_an_object_the_server_accepts()
    {
        var requestObject = Build("none");
        using var http = host.BackChannel();
        var client = new JarClient(http, new JarClientOptions { ClientId = ClientId, Issuer = host.Issuer, Keys = DemoKeys.SetFor(ClientId) });

        var (exit, output) = await InspectAsync(requestObject);
        await client.PushRequestObjectAsync(requestObject);

        exit.ShouldBe(0, output);
        output.ShouldContain("no rule broken.");
    }

    [Fact]
    public async Task A_wrong_command_line_exits_with_2_and_help_with_0()
    {
        using var http = new HttpClient();
        using var error = new StringWriter();
        using var output = new StringWriter();

        (await JarCommandLine.RunAsync(["push", "--client-id"], http, output, error)).ShouldBe(2);
        (await JarCommandLine.RunAsync(["inspect", "--help"], http, output, error)).ShouldBe(0);
        output.ToString().ShouldContain("Exit codes: 0");
        (await JarCommandLine.RunAsync(["jwks", "/nonexistent/key.json"], http, output, error)).ShouldBe(3);
    }

    [Fact]
    public async Task Jwks_prints_the_public_keys_the_host_registers()
    {
        using var http = new HttpClient();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var key = Path.Combine(AppContext.BaseDirectory, "DemoKeys", "sample-client.demo-private.jwk.json");

        (await JarCommandLine.RunAsync(["jwks", key], http, output, error)).ShouldBe(0);

        var printed = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(output.ToString()).Keys.ShouldHaveSingleItem();
        var registered = new Microsoft.IdentityModel.Tokens.JsonWebKeySet(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "DemoKeys", "sample-client.demo-public.jwks.json"))).Keys.Single();
        (printed.Kid, printed.N, printed.E, printed.D).ShouldBe((registered.Kid, registered.N, registered.E, null));
    }

    private string Build(string breakage)
    {
        var time = new FakeTimeProvider(breakage == "expired" ? DateTimeOffset.UtcNow.AddHours(-2) : DateTimeOffset.UtcNow);
        var keys = breakage == "unknown-key" ? new ClientKeySet(ClientSigningKey.GenerateRsa("fapi2-client-demo-2")) : DemoKeys.SetFor(ClientId);
        var parameters = ClientLibraryAgainstSampleHostTests.Parameters(ClientId, p =>
        {
            if (breakage == "no-pkce")
            {
                p.Remove("code_challenge");
                p.Remove("code_challenge_method");
            }

            if (breakage == "implicit-response-type")
            {
                p["response_type"] = "token";
            }
        });
        return new RequestObjectBuilder(ClientId, keys, time).Build(breakage == "another-audience" ? "https://elsewhere.example/" : host.Issuer, parameters);
    }

    private async Task<(int Exit, string Output)> InspectAsync(string requestObject)
    {
        var policy = Path.Combine(Path.GetTempPath(), $"jar-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(policy, """{ "Profile": "fapi2-message-signing" }""");
        try
        {
            using var http = new HttpClient();
            using var output = new StringWriter();
            using var error = new StringWriter();
            var jwks = Path.Combine(AppContext.BaseDirectory, "DemoKeys", "fapi2-client.demo-public.jwks.json");
            var exit = await JarCommandLine.RunAsync(["inspect", requestObject, "--policy", policy, "--jwks", jwks, "--issuer", host.Issuer, "--redirect-uri", "http://127.0.0.1:5080/callback"], http, output, error);
            return (exit, output + error.ToString());
        }
        finally
        {
            File.Delete(policy);
        }
    }

    private static string? FirstRule(string output) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("JAR", StringComparison.Ordinal))?.Split(' ')[0];
}
