using Jar.IdentityServer.Extensions.Lint;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

public sealed class GrantLintTests
{
    [Fact]
    public void Flags_implicit_response_type_for_a_code_only_policy() =>
        Single(JarLintRules.ImplicitGrant, Client with { ResponseTypes = Set("code", "id_token token") })
            .Message.ShouldBe("Client 'clean-client': the registration permits the implicit response type(s) id_token token; its policy allows [code].");

    [Fact]
    public void Flags_implicit_grant_for_a_code_only_policy() =>
        Single(JarLintRules.ImplicitGrant, Client with { GrantTypes = Set("authorization_code", "implicit") })
            .Setting.ShouldBe("GrantTypes");

    [Fact]
    public void Accepts_implicit_grant_that_carries_the_hybrid_flow_a_fapi1_policy_allows() =>
        Findings(JarLintRules.ImplicitGrant, Client with
        {
            GrantTypes = Set("authorization_code", "implicit"),
            ResponseTypes = Set("code id_token"),
            Policy = PolicyOf(new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced, RequireJwtId = true }),
        }).ShouldBeEmpty();

    [Fact]
    public void Flags_hybrid_response_type_for_a_code_only_policy() =>
        Single(JarLintRules.HybridResponseType, Client with { ResponseTypes = Set("code", "code id_token") })
            .Message.ShouldBe("Client 'clean-client': the registration permits code id_token; its policy allows [code].");

    [Fact]
    public void Accepts_hybrid_response_type_the_policy_allows() =>
        Findings(JarLintRules.HybridResponseType, Client with
        {
            ResponseTypes = Set("code id_token"),
            Policy = PolicyOf(new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced }),
        }).ShouldBeEmpty();

    [Fact]
    public void Flags_password_grant() =>
        Single(JarLintRules.PasswordGrant, Client with { GrantTypes = Set("authorization_code", "password") })
            .Message.ShouldBe("Client 'clean-client': the registration permits the password grant.");

    [Fact]
    public void Accepts_registration_without_password_grant() =>
        Findings(JarLintRules.PasswordGrant).ShouldBeEmpty();

    [Fact]
    public void Flags_refresh_tokens_when_the_server_could_rotate_them_but_does_not() =>
        Single(JarLintRules.RefreshTokenWithoutRotation, Client with { GrantTypes = Set("authorization_code", "refresh_token") }, Server with { RefreshTokenRotation = false })
            .Message.ShouldBe("Client 'clean-client': the registration permits refresh tokens and the server does not rotate them.");

    [Theory]
    [InlineData(true)]
    [InlineData(null)]
    public void Accepts_refresh_tokens_when_rotated_or_when_the_host_cannot_rotate(bool? rotation) =>
        Findings(JarLintRules.RefreshTokenWithoutRotation, Client with { GrantTypes = Set("authorization_code", "refresh_token") }, Server with { RefreshTokenRotation = rotation })
            .ShouldBeEmpty();
}
