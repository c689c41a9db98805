using Jar.IdentityServer.Extensions.Lint;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

public sealed class ServerLintTests
{
    [Fact]
    public void Flags_plain_http_issuer_outside_loopback()
    {
        var finding = Single(JarLintRules.IssuerPlainHttp, server: Server with { Issuer = new Uri("http://auth.example.com/") });

        finding.ClientId.ShouldBeNull();
        finding.Subject.ShouldBe("server");
        finding.Message.ShouldBe("Server: the issuer 'http://auth.example.com/' uses plain http on 'auth.example.com', which is not a loopback address.");
    }

    [Fact]
    public void Accepts_plain_http_issuer_on_loopback() =>
        Findings(JarLintRules.IssuerPlainHttp, server: Server with { Issuer = new Uri("http://127.0.0.1:5080/") }).ShouldBeEmpty();

    [Fact]
    public void Flags_plain_pkce_advertised() =>
        Single(JarLintRules.PkcePlainAdvertised, server: Server with { CodeChallengeMethods = Set("plain", "S256") })
            .Message.ShouldBe("Server: code_challenge_methods_supported advertises plain ([S256, plain]).");

    [Fact]
    public void Accepts_s256_only() => Findings(JarLintRules.PkcePlainAdvertised).ShouldBeEmpty();

    [Fact]
    public void Flags_none_in_an_advertised_algorithm_list()
    {
        var server = Server with
        {
            AdvertisedAlgorithms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
            {
                ["request_object_signing_alg_values_supported"] = ["PS256", "none"],
                ["id_token_signing_alg_values_supported"] = ["RS256"],
            },
        };

        var finding = Single(JarLintRules.AlgorithmNoneAdvertised, server: server);

        finding.Setting.ShouldBe("request_object_signing_alg_values_supported");
        finding.Message.ShouldBe("Server: request_object_signing_alg_values_supported advertises none ([PS256, none]).");
    }

    [Fact]
    public void Accepts_algorithm_lists_without_none() => Findings(JarLintRules.AlgorithmNoneAdvertised).ShouldBeEmpty();

    [Fact]
    public void Warns_of_advertised_grant_type_no_client_may_use() =>
        Single(JarLintRules.GrantTypeUnused, server: Server with { GrantTypes = Set("authorization_code", "implicit") })
            .Message.ShouldBe("Server: grant type 'implicit' is advertised, and no registered client may use it.");

    [Fact]
    public void Accepts_advertised_grant_types_that_a_client_uses() =>
        Findings(JarLintRules.GrantTypeUnused, Client with { GrantTypes = Set("authorization_code", "refresh_token") }, Server with { GrantTypes = Set("authorization_code", "refresh_token") })
            .ShouldBeEmpty();

    [Fact]
    public void Warns_of_advertised_response_type_no_client_may_use() =>
        Single(JarLintRules.ResponseTypeUnused, server: Server with { ResponseTypes = Set("code", "code id_token") })
            .Message.ShouldBe("Server: response type 'code id_token' is advertised, and no registered client may use it.");

    [Fact]
    public void Counts_a_response_type_only_where_registration_and_policy_both_allow_it() =>
        Single(JarLintRules.ResponseTypeUnused, Client with { ResponseTypes = Set("code", "code id_token") }, Server with { ResponseTypes = Set("code", "code id_token") })
            .Setting.ShouldBe("ResponseTypes");

    [Fact]
    public void Accepts_advertised_response_types_that_a_client_uses() => Findings(JarLintRules.ResponseTypeUnused).ShouldBeEmpty();
}
