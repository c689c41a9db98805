namespace Jar.IdentityServer.Extensions.Tests.Policies;

/// <summary>A client may tighten its profile, never loosen it; the refusal names each offending setting.</summary>
public sealed class JarProfilesTests
{
    [Fact]
    public void Accepts_overrides_that_tighten_the_profile()
    {
        var overrides = new JarPolicyOverrides
        {
            RequireRequestObject = true,
            RequirePushedAuthorizationRequests = true,
            RequireJwtId = true,
            RequireNonceForOpenId = true,
            AllowedScopes = ["openid", "accounts"],
            AllowedSigningAlgorithms = ["ES256"],
            MaxRequestObjectLifetime = TimeSpan.FromMinutes(10),
            ClockSkew = TimeSpan.FromSeconds(5),
        };

        var policy = JarProfiles.Resolve("c1", overrides).Policy;

        policy.Profile.ShouldBe(JarProfiles.Strict);
        policy.RequireRequestObject.ShouldBeTrue();
        policy.RequirePushedAuthorizationRequests.ShouldBeTrue();
        policy.RequireJwtId.ShouldBeTrue();
        policy.RequireNonceForOpenId.ShouldBeTrue();
        policy.AllowedScopes.ShouldNotBeNull().ShouldBe(["openid", "accounts"], ignoreOrder: true);
        policy.AllowedSigningAlgorithms.ShouldBe(["ES256"]);
        policy.MaxRequestObjectLifetime.ShouldBe(TimeSpan.FromMinutes(10));
        policy.ClockSkew.ShouldBe(TimeSpan.FromSeconds(5));
        policy.RequirePkce.ShouldBeTrue();
    }

    [Fact]
    public void Accepts_report_only_and_discard_which_only_change_how_violations_are_answered()
    {
        var policy = JarProfiles.Resolve("c1", new JarPolicyOverrides
        {
            Profile = JarProfiles.Fapi2MessageSigning,
            Mode = EnforcementMode.ReportOnly,
            OuterParameters = OuterParameterHandling.Discard,
        }).Policy;

        policy.Mode.ShouldBe(EnforcementMode.ReportOnly);
        policy.OuterParameters.ShouldBe(OuterParameterHandling.Discard);
    }

    public static TheoryData<string, JarPolicyOverrides, string> Loosenings => new()
    {
        { JarProfiles.Strict, new JarPolicyOverrides { RequirePkce = false }, nameof(JarPolicy.RequirePkce) },
        { JarProfiles.Strict, new JarPolicyOverrides { RequireRedirectUri = false }, nameof(JarPolicy.RequireRedirectUri) },
        { JarProfiles.Fapi2MessageSigning, new JarPolicyOverrides { RequireScope = false }, nameof(JarPolicy.RequireScope) },
        { JarProfiles.Strict, new JarPolicyOverrides { RequireNotBefore = false }, nameof(JarPolicy.RequireNotBefore) },
        { JarProfiles.Strict, new JarPolicyOverrides { RequireIssuer = false }, nameof(JarPolicy.RequireIssuer) },
        { JarProfiles.Fapi1Advanced, new JarPolicyOverrides { RequireRequestObject = false }, nameof(JarPolicy.RequireRequestObject) },
        { JarProfiles.Fapi1Advanced, new JarPolicyOverrides { RequireNonceForOpenId = false }, nameof(JarPolicy.RequireNonceForOpenId) },
        { JarProfiles.Fapi2MessageSigning, new JarPolicyOverrides { RequirePushedAuthorizationRequests = false }, nameof(JarPolicy.RequirePushedAuthorizationRequests) },
        { JarProfiles.Strict, new JarPolicyOverrides { AllowedResponseTypes = ["code", "token"] }, nameof(JarPolicy.AllowedResponseTypes) },
        { JarProfiles.Fapi1Advanced, new JarPolicyOverrides { AllowedResponseTypes = ["code"] }, nameof(JarPolicy.AllowedResponseTypes) },
        { JarProfiles.Fapi2MessageSigning, new JarPolicyOverrides { AllowedSigningAlgorithms = ["RS256"] }, nameof(JarPolicy.AllowedSigningAlgorithms) },
        { JarProfiles.Strict, new JarPolicyOverrides { AllowedSigningAlgorithms = ["PS256", "HS256"] }, nameof(JarPolicy.AllowedSigningAlgorithms) },
        { JarProfiles.Strict, new JarPolicyOverrides { AllowedSigningAlgorithms = ["none"] }, nameof(JarPolicy.AllowedSigningAlgorithms) },
        { JarProfiles.Strict, new JarPolicyOverrides { AllowedSigningAlgorithms = [] }, nameof(JarPolicy.AllowedSigningAlgorithms) },
        { JarProfiles.Strict, new JarPolicyOverrides { MaxRequestObjectLifetime = TimeSpan.FromMinutes(61) }, nameof(JarPolicy.MaxRequestObjectLifetime) },
        { JarProfiles.Strict, new JarPolicyOverrides { MaxRequestObjectLifetime = TimeSpan.Zero }, nameof(JarPolicy.MaxRequestObjectLifetime) },
        { JarProfiles.Strict, new JarPolicyOverrides { ClockSkew = TimeSpan.FromSeconds(16) }, nameof(JarPolicy.ClockSkew) },
        { JarProfiles.Strict, new JarPolicyOverrides { ClockSkew = TimeSpan.FromSeconds(-1) }, nameof(JarPolicy.ClockSkew) },
        { JarProfiles.Fapi1Advanced, new JarPolicyOverrides { AllowedEncryptionAlgorithms = ["RSA-OAEP-256", "RSA1_5"] }, nameof(JarPolicy.AllowedEncryptionAlgorithms) },
    };

    [Theory]
    [MemberData(nameof(Loosenings))]
    public void Refuses_an_override_that_loosens_the_profile_and_names_the_setting(string profile, JarPolicyOverrides overrides, string setting)
    {
        var exception = Should.Throw<JarPolicyException>(() => JarProfiles.Resolve("c1", overrides with { Profile = profile }));

        exception.ClientId.ShouldBe("c1");
        exception.Settings.ShouldBe([setting]);
        exception.Message.ShouldContain(setting);
        exception.Message.ShouldContain("'c1'");
    }

    [Fact]
    public void Refuses_RS256_under_fapi2_message_signing_naming_AllowedSigningAlgorithms()
    {
        var exception = Should.Throw<JarPolicyException>(() => JarProfiles.Resolve(
            "bank-app", new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning, AllowedSigningAlgorithms = ["PS256", "RS256"] }));

        exception.Settings.ShouldBe(["AllowedSigningAlgorithms"]);
        exception.Message.ShouldContain("RS256");
        exception.Message.ShouldContain(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public void Names_every_loosened_setting_at_once()
    {
        var exception = Should.Throw<JarPolicyException>(() => JarProfiles.Resolve(
            "c1", new JarPolicyOverrides { RequirePkce = false, ClockSkew = TimeSpan.FromMinutes(5), AllowedResponseTypes = ["token"] }));

        exception.Settings.ShouldBe(["RequirePkce", "AllowedResponseTypes", "ClockSkew"], ignoreOrder: true);
    }

    [Fact]
    public void Refuses_an_unknown_profile_naming_Profile()
    {
        var exception = Should.Throw<JarPolicyException>(() => JarProfiles.Resolve("c1", new JarPolicyOverrides { Profile = "lax" }));

        exception.Settings.ShouldBe(["Profile"]);
        exception.Message.ShouldContain("'lax'");
    }

    [Fact]
    public void Refuses_an_unknown_default_profile_naming_Profile()
    {
        var exception = Should.Throw<JarPolicyException>(() => JarProfiles.Resolve("c1", null, "fapi3"));

        exception.Settings.ShouldBe(["Profile"]);
    }

    [Fact]
    public void Tells_where_each_setting_came_from()
    {
        var resolution = JarProfiles.Resolve("c1", new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced, RequirePkce = true, AllowedScopes = ["openid"] });

        resolution.Sources["RequirePkce"].ShouldBe("override");
        resolution.Sources["AllowedScopes"].ShouldBe("override");
        resolution.Sources["RequireRequestObject"].ShouldBe("profile:fapi1-advanced");
        resolution.Sources["AllowedSigningAlgorithms"].ShouldBe("profile:fapi1-advanced");
        resolution.Sources["ClockSkew"].ShouldBe("profile:fapi1-advanced");
        resolution.Sources.Keys.ShouldBe(
            [
                "RequireRequestObject", "RequirePushedAuthorizationRequests", "RequirePkce", "RequireRedirectUri",
                "RequireScope", "RequireNonceForOpenId", "RequireNotBefore", "RequireIssuer", "RequireJwtId", "RequireEncryptedRequestObject", "AllowedEncryptionAlgorithms", "AllowedScopes",
                "AllowedResponseTypes", "AllowedSigningAlgorithms", "MaxRequestObjectLifetime", "ClockSkew", "Mode",
                "OuterParameters",
            ],
            ignoreOrder: true);
    }

    [Fact]
    public void Starts_a_client_without_a_profile_of_its_own_from_the_default_profile()
    {
        var resolution = JarProfiles.Resolve("c1", null, JarProfiles.Fapi2MessageSigning);

        resolution.Policy.ShouldBe(JarProfiles.BuiltIn[JarProfiles.Fapi2MessageSigning]);
        resolution.Sources.Values.ShouldAllBe(source => source == "profile:fapi2-message-signing");
    }

    [Theory]
    [InlineData("id_token code", "code id_token")]
    [InlineData("code", "code")]
    [InlineData("token  id_token code", "code id_token token")]
    public void Normalizes_a_response_type_to_its_values_in_ordinal_order(string responseType, string normalized)
    {
        JarProfiles.NormalizeResponseType(responseType).ShouldBe(normalized);
    }

    [Fact]
    public void Accepts_a_response_type_override_spelled_in_another_order()
    {
        var policy = JarProfiles.Resolve("c1", new JarPolicyOverrides { Profile = JarProfiles.Fapi1Advanced, AllowedResponseTypes = ["id_token code"] }).Policy;

        policy.AllowedResponseTypes.ShouldBe(["code id_token"]);
    }
}
