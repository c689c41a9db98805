using System.Net;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Commands;
using Jar.SampleHost.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Tests;

/// <summary>
/// <c>policy set</c>: a new policy is checked against its profile, written to the policy store and read back by
/// <c>policy show</c> and the engine; an invalid one is refused with the setting named, exit code 1, and nothing written.
/// </summary>
public sealed class PolicyCommandTests(PolicyHostFactory host) : IClassFixture<PolicyHostFactory>
{
    [Fact]
    public async Task Policy_set_with_json_replaces_the_whole_stored_policy_and_policy_show_reads_it_back()
    {
        const string client = PolicyHostFactory.JsonClient;
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        var (exit, text) = await RunAsync("policy", "set", client, """{"Profile":"strict","AllowedScopes":["openid"],"Mode":"ReportOnly"}""", "--allow-loosening", "--reason", "rollout of a new partner");

        exit.ShouldBe(0);
        text.ShouldContain($"Stored the JAR policy of {client} (revision {before.Revision + 1}).");
        var stored = await GetAsync(client);
        stored.Origin.ShouldBe(JarPolicyOrigin.Database);
        stored.Revision.ShouldBe(before.Revision + 1);
        stored.Overrides.ShouldNotBeNull().Profile.ShouldBe("strict");
        stored.Overrides.AllowedScopes.ShouldBe(["openid"]);
        stored.Overrides.Mode.ShouldBe(EnforcementMode.ReportOnly);
        stored.Overrides.RequireJwtId.ShouldBeNull(); // replaced whole: the configured RequireJwtId is gone
        var row = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();
        row.Profile.ShouldBe("strict");
        row.OverridesJson.ShouldBe("""{"allowedScopes":["openid"],"mode":"ReportOnly"}""");

        var (showExit, shown) = await RunAsync("policy", "show", client);
        showExit.ShouldBe(0);
        shown.ShouldContain($"Policy     stored in JarClientPolicies, revision {before.Revision + 1}, updated ");
        shown.ShouldContain("""Overrides  {"Profile":"strict","AllowedScopes":["openid"],"Mode":"ReportOnly"}""");
        var rows = CommandTests.Rows(shown);
        rows["AllowedScopes"].ShouldBe(("openid", "override"));
        rows["Mode"].ShouldBe(("ReportOnly", "override"));
        rows["RequireJwtId"].ShouldBe(("false", "profile:strict"));
    }

    [Fact]
    public async Task Policy_set_flags_change_one_setting_each_and_null_removes_an_override()
    {
        const string client = PolicyHostFactory.FlagsClient;

        var (exit, text) = await RunAsync("policy", "set", client, "--MaxRequestObjectLifetime", "00:10:00", "--AllowedScopes=openid", "--RequireJwtId", "null", "--Database:Provider", "Sqlite", "--allow-loosening", "--reason", "jti not sent yet");

        exit.ShouldBe(0);
        var overrides = (await GetAsync(client)).Overrides.ShouldNotBeNull();
        overrides.Profile.ShouldBe("strict");
        overrides.MaxRequestObjectLifetime.ShouldBe(TimeSpan.FromMinutes(10));
        overrides.AllowedScopes.ShouldBe(["openid"]);
        overrides.RequireJwtId.ShouldBeNull();
        var rows = CommandTests.Rows(text);
        rows["MaxRequestObjectLifetime"].ShouldBe(("00:10:00", "override"));
        rows["RequireJwtId"].ShouldBe(("false", "profile:strict"));
        rows["AllowedScopes"].ShouldBe(("openid", "override"));
    }

    [Theory]
    [InlineData("fapi2-client", "AllowedSigningAlgorithms: RS256 is not allowed by profile 'fapi2-message-signing' (PS256, ES256).", "--AllowedSigningAlgorithms", "RS256")]
    [InlineData("fapi2-client", "RequirePushedAuthorizationRequests: profile 'fapi2-message-signing' requires it", """{"Profile":"fapi2-message-signing","RequirePushedAuthorizationRequests":false}""")]
    [InlineData("strict-client", "unknown profile 'strict-ish'. Known profiles: strict, fapi1-advanced, fapi2-message-signing.", """{"Profile":"strict-ish"}""")]
    [InlineData("strict-client", "MaxRequestObjectLifetime: 02:00:00 is longer than profile 'strict' allows (01:00:00).", "--MaxRequestObjectLifetime", "02:00:00")]
    [InlineData("strict-client", "AllowedSigningAlgorithms: 'none' is never allowed (RFC 9101 §10.5).", "--AllowedSigningAlgorithms", "PS256,none")]
    [InlineData("public-client", "RequirePkce: profile 'strict' requires it", "--RequirePkce", "false")]
    public async Task Policy_set_refuses_a_policy_that_loosens_its_profile_names_the_setting_exits_1_and_writes_nothing(string client, string message, params string[] arguments)
    {
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        var (exit, text) = await RunAsync(["policy", "set", client, .. arguments]);

        exit.ShouldBe(1);
        text.ShouldStartWith($"Refused, nothing was written. Client '{client}': ");
        text.ShouldContain(message);
        var after = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();
        (after.Revision, after.UpdatedAt, after.Profile, after.OverridesJson).ShouldBe((before.Revision, before.UpdatedAt, before.Profile, before.OverridesJson));
    }

    [Fact]
    public async Task Policy_set_that_loosens_the_stored_policy_is_refused_names_each_setting_exits_1_and_writes_nothing()
    {
        const string client = PolicyHostFactory.GuardedClient;
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        // Within the profile (strict allows all of it), but weaker than what is stored.
        var (exit, text) = await RunAsync("policy", "set", client, """{"Profile":"strict","RequireRequestObject":false}""");

        exit.ShouldBe(1);
        text.ShouldStartWith($"Refused, nothing was written. Client '{client}': the change loosens the stored policy (AllowedScopes [openid, profile] -> (none); RequireJwtId true -> false).");
        text.ShouldContain("--allow-loosening --reason");
        var after = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();
        (after.Revision, after.OverridesJson).ShouldBe((before.Revision, before.OverridesJson));
        (await ChangesAsync(client)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("policy set: --allow-loosening needs --reason \"<why>\"", "--allow-loosening")]
    [InlineData("policy set: --reason goes with --allow-loosening.", "--reason", "because")]
    public async Task Policy_set_refuses_a_loosening_flag_without_its_pair_with_exit_code_2(string message, params string[] flags)
    {
        const string client = PolicyHostFactory.GuardedClient;
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        var (exit, text) = await RunAsync(["policy", "set", client, "--RequireJwtId", "false", .. flags]);

        exit.ShouldBe(2);
        text.ShouldStartWith(message);
        (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull().Revision.ShouldBe(before.Revision);
    }

    [Fact]
    public async Task A_deliberate_loosening_is_stored_recorded_with_user_reason_and_before_after_and_lint_reports_it()
    {
        const string client = PolicyHostFactory.LoosenedClient;
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        var (exit, _) = await RunAsync("policy", "set", client, "--RequireJwtId", "false", "--allow-loosening", "--reason", "partner library cannot send jti");

        exit.ShouldBe(0);
        var change = (await ChangesAsync(client)).ShouldHaveSingleItem();
        change.Actor.ShouldBe(Environment.UserName);
        change.Reason.ShouldBe("partner library cannot send jti");
        change.LooseningsJson.ShouldBe("""[{"setting":"RequireJwtId","before":"true","after":"false"}]""");
        change.BeforeJson.ShouldBe(before.OverridesJson);
        change.AfterJson.ShouldBe((await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull().OverridesJson);
        change.ChangedAt.ShouldBe((await Stores.PolicyRowAsync(host, client))!.UpdatedAt);

        // The same change in the tamper-evident decision trail: an administrative record naming who, why and what.
        var recorded = (await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>()
            .Where(r => r.ClientId == client && r.Endpoint == JarEndpoint.Administration).ToListAsync())).ShouldHaveSingleItem();
        recorded.Subject.ShouldBe(Environment.UserName);
        recorded.Reason.ShouldBe("policy-loosened: partner library cannot send jti (RequireJwtId true -> false)");
        using (var detail = System.Text.Json.JsonDocument.Parse(recorded.Detail.ShouldNotBeNull()))
        {
            detail.RootElement.GetProperty("before").GetString().ShouldBe(change.BeforeJson);
            detail.RootElement.GetProperty("after").GetString().ShouldBe(change.AfterJson);
        }

        recorded.Hash.ShouldNotBeNullOrEmpty();

        var (lintExit, lint) = await RunAsync("lint");
        lintExit.ShouldBe(0); // a warning, not an error
        lint.ShouldContain($"warning   JARL036  client:{client}");
        lint.ShouldContain($"by '{Environment.UserName}' (RequireJwtId true -> false); reason: partner library cannot send jti");
    }

    [Theory]
    [InlineData("--Bogus: not a policy setting. Settings: Profile, RequireRequestObject,", "--Bogus", "1")]
    [InlineData("the policy is not valid JSON", "{not json")]
    [InlineData("'[\"PS256\"]' is neither a JSON policy (first, in braces) nor a --Setting.", "[\"PS256\"]")]
    [InlineData("RequireJwtId: 'yes' is not true or false.", "--RequireJwtId", "yes")]
    [InlineData("RequireJwtId: \"yes\" is not true or false.", """{"RequireJwtId":"yes"}""")]
    [InlineData("Mode: 'Sometimes' is not one of Enforce, ReportOnly.", "--Mode", "Sometimes")]
    [InlineData("MaxRequestObjectLifetime: 'ten minutes' is not a duration such as 00:10:00.", "--MaxRequestObjectLifetime", "ten minutes")]
    [InlineData("The JSON property 'Colour' could not be mapped", """{"Colour":"blue"}""")]
    [InlineData("--Mode: give a value, or 'null' to remove the override.", "--Mode")]
    [InlineData("give the policy as JSON, or at least one --Setting value.")]
    public async Task Policy_set_refuses_arguments_that_are_not_a_policy_with_exit_code_2_and_writes_nothing(string message, params string[] arguments)
    {
        const string client = "strict-client";
        var before = (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull();

        var (exit, text) = await RunAsync(["policy", "set", client, .. arguments]);

        exit.ShouldBe(2);
        text.ShouldStartWith($"policy set {client}: ");
        text.ShouldContain(message);
        (await Stores.PolicyRowAsync(host, client)).ShouldNotBeNull().Revision.ShouldBe(before.Revision);
    }

    [Fact]
    public async Task A_stored_policy_change_applies_to_the_next_request_and_to_the_clients_openiddict_registration()
    {
        var (exit, _) = await RunAsync("policy", "set", "rollout-client", "--Mode", "Enforce");
        exit.ShouldBe(0);

        // Enforced now: OpenIddict's own PAR requirement is back on the registration ...
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var application = (await applications.FindByClientIdAsync("rollout-client")).ShouldNotBeNull();
            (await applications.GetRequirementsAsync(application)).ShouldContain(Requirements.Features.PushedAuthorizationRequests);
        }

        // ... the home page shows the stored policy ...
        using (var visitor = host.CreateBrowser())
        {
            var home = await Browser.ReadPageAsync(await visitor.GetAsync(new Uri("/", UriKind.Relative)));
            var card = home.QuerySelectorAll("section.card").Single(c => c.TextContent.Contains("rollout-client", StringComparison.Ordinal));
            card.QuerySelector("dd.mode")!.TextContent.ShouldBe("Enforce");
        }

        // ... and the engine refuses what it only reported before.
        var request = await AuthorizationFlow.StartAsync(host, "rollout-client", DemoDelivery.RequestObjectByValue);
        using var browser = host.CreateBrowser();
        var response = await browser.GetAsync(request.AuthorizationUrl);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("(rule JAR602)");
        var record = (await Stores.DecisionsAsync(host, request.RequestObject!)).ShouldHaveSingleItem();
        (record.Outcome, record.RuleIds).ShouldBe((JarOutcome.Refused, "JAR602"));
    }

    private Task<List<JarPolicyChangeRecord>> ChangesAsync(string clientId) =>
        Stores.QueryAsync(host, db => db.Set<JarPolicyChangeRecord>().Where(c => c.ClientId == clientId).ToListAsync());

    private async Task<JarStoredPolicy> GetAsync(string clientId)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IJarPolicyAdministration>().GetAsync(clientId);
    }

    private async Task<(int Exit, string Output)> RunAsync(params string[] command)
    {
        _ = host.Server;
        using var output = new StringWriter();
        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);
        return (exit, output.ToString());
    }
}
