using Jar.IdentityServer.Extensions.Lint;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

public sealed class PolicyLintTests
{
    [Fact]
    public void Flags_required_request_object_without_a_usable_key() =>
        Single(JarLintRules.RequestObjectWithoutKey, Client with { Keys = [Rsa("small", 1024), Symmetric()] })
            .Message.ShouldBe("Client 'clean-client': its policy requires a signed request object ([ES256, PS256]), but none of its 2 registered keys can verify one.");

    [Fact]
    public void Flags_required_request_object_with_only_an_encryption_key()
    {
        var encryption = Rsa("enc");
        encryption.Use = "enc";

        Single(JarLintRules.RequestObjectWithoutKey, Client with { Keys = [encryption] }).Setting.ShouldBe("Jwks");
    }

    [Fact]
    public void Flags_required_request_object_whose_key_fits_no_allowed_algorithm() =>
        Single(JarLintRules.RequestObjectWithoutKey, Client with
        {
            Keys = [Rsa()],
            Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true, RequireJwtId = true, AllowedSigningAlgorithms = ["ES256"] }),
        }).ClientId.ShouldBe("clean-client");

    [Fact]
    public void Accepts_required_request_object_with_an_ec_key() =>
        Findings(JarLintRules.RequestObjectWithoutKey, Client with { Keys = [Ec()] }).ShouldBeEmpty();

    [Fact]
    public void Flags_required_par_without_a_par_endpoint() =>
        Single(JarLintRules.ParRequiredWithoutEndpoint,
                Client with { Policy = PolicyOf(new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, RequireJwtId = true }) },
                Server with { HasPushedAuthorizationEndpoint = false })
            .Message.ShouldBe("Client 'clean-client': its policy requires pushed authorization requests, and the server has no PAR endpoint.");

    [Fact]
    public void Accepts_required_par_with_a_par_endpoint() =>
        Findings(JarLintRules.ParRequiredWithoutEndpoint, Client with { Policy = PolicyOf(new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, RequireJwtId = true }) })
            .ShouldBeEmpty();

    [Fact]
    public void Warns_of_report_only_older_than_the_window()
    {
        var client = Client with
        {
            Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true, RequireJwtId = true, Mode = EnforcementMode.ReportOnly }),
            PolicyUpdatedAt = Now.AddDays(-45),
        };

        Single(JarLintRules.ReportOnlyTooLong, client).Message.ShouldBe("Client 'clean-client': its policy has been ReportOnly since 2026-04-17 (45 days; the window is 30).");
    }

    [Fact]
    public void Accepts_report_only_within_the_window() =>
        Findings(JarLintRules.ReportOnlyTooLong, Client with
        {
            Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true, RequireJwtId = true, Mode = EnforcementMode.ReportOnly }),
            PolicyUpdatedAt = Now.AddDays(-29),
        }).ShouldBeEmpty();

    [Fact]
    public void Warns_of_a_machine_client_with_many_scopes_and_no_ceiling() =>
        Single(JarLintRules.ScopeCeilingMissing, Client with { GrantTypes = Set("client_credentials"), Scopes = Set("a", "b", "c", "d") })
            .Message.ShouldBe("Client 'clean-client': a machine client with 4 scopes and no AllowedScopes ceiling (more than 3).");

    [Fact]
    public void Accepts_a_machine_client_with_a_scope_ceiling() =>
        Findings(JarLintRules.ScopeCeilingMissing, Client with
        {
            GrantTypes = Set("client_credentials"),
            Scopes = Set("a", "b", "c", "d"),
            Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true, RequireJwtId = true, AllowedScopes = ["a", "b"] }),
        }).ShouldBeEmpty();

    [Fact]
    public void Accepts_many_scopes_on_a_client_that_is_not_a_machine_client() =>
        Findings(JarLintRules.ScopeCeilingMissing, Client with { Scopes = Set("a", "b", "c", "d") }).ShouldBeEmpty();

    [Fact]
    public void Warns_of_a_request_object_lifetime_beyond_the_guidance() =>
        Single(JarLintRules.LifetimeBeyondGuidance, Client with { Policy = Client.Policy with { MaxRequestObjectLifetime = TimeSpan.FromHours(2) } })
            .Message.ShouldBe("Client 'clean-client': MaxRequestObjectLifetime is 02:00:00; the guidance is at most 01:00:00.");

    [Fact]
    public void Warns_of_a_clock_skew_beyond_the_guidance() =>
        Single(JarLintRules.LifetimeBeyondGuidance, Client with { Policy = Client.Policy with { ClockSkew = TimeSpan.FromSeconds(90) } })
            .Setting.ShouldBe("ClockSkew");

    [Fact]
    public void Accepts_the_built_in_profiles_lifetime_and_skew() =>
        Findings(JarLintRules.LifetimeBeyondGuidance).ShouldBeEmpty();

    [Fact]
    public void Notes_private_key_jwt_client_whose_policy_does_not_require_jti() =>
        Single(JarLintRules.JwtIdNotRequired, Client with { Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true }) })
            .Message.ShouldBe("Client 'clean-client': authenticates with private_key_jwt, and its policy does not require jti in request objects.");

    [Fact]
    public void Accepts_client_secret_client_without_required_jti() =>
        Findings(JarLintRules.JwtIdNotRequired, Client with { AuthenticationMethod = "client_secret_basic", Policy = PolicyOf(new JarPolicyOverrides { RequireRequestObject = true }) })
            .ShouldBeEmpty();

    [Fact]
    public void Warns_of_a_recent_loosening_naming_who_why_and_what()
    {
        var change = new JarPolicyChange("clean-client", Now.AddDays(-3), "ops-admin", "partner cannot sign yet",
            [new JarPolicyLoosening("RequireRequestObject", "true", "false")]);

        var finding = Single(JarLintRules.RecentLoosening, changes: [change]);

        finding.Setting.ShouldBe("RequireRequestObject");
        finding.Message.ShouldBe("Client 'clean-client': policy loosened on 2026-05-29 12:00 UTC by 'ops-admin' (RequireRequestObject true -> false); reason: partner cannot sign yet");
    }

    [Fact]
    public void Leaves_out_a_loosening_older_than_the_window() =>
        Findings(JarLintRules.RecentLoosening, changes:
            [new JarPolicyChange("clean-client", Now.AddDays(-31), "ops-admin", "old", [new JarPolicyLoosening("RequirePkce", "true", "false")])])
            .ShouldBeEmpty();

    [Fact]
    public void Warns_of_server_lifetimes_beyond_fapi2_with_a_fapi2_client()
    {
        var client = Client with { Policy = PolicyOf(new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, RequireJwtId = true }) };
        var server = Server with { AuthorizationCodeLifetime = TimeSpan.FromMinutes(5), RequestUriLifetime = TimeSpan.FromHours(1) };

        var findings = Findings(JarLintRules.ServerLifetimeBeyondGuidance, client, server);

        findings.Select(f => f.Setting).ShouldBe(["AuthorizationCodeLifetime", "RequestTokenLifetime"]);
        findings.ShouldAllBe(f => f.ClientId == null);
        findings[0].Message.ShouldBe("Server: authorization codes live 00:05:00, over 00:01:00, and FAPI 2.0 clients are registered (clean-client).");
    }

    [Fact]
    public void Accepts_long_server_lifetimes_without_a_fapi2_client() =>
        Findings(JarLintRules.ServerLifetimeBeyondGuidance, server: Server with { AuthorizationCodeLifetime = TimeSpan.FromMinutes(5), RequestUriLifetime = TimeSpan.FromHours(1) })
            .ShouldBeEmpty();
}
