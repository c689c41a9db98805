using Jar.IdentityServer.Extensions.Lint;
using static Jar.IdentityServer.Extensions.Tests.Lint.LintFixture;

namespace Jar.IdentityServer.Extensions.Tests.Lint;

public sealed class RedirectUriLintTests
{
    [Fact]
    public void Baseline_registration_and_server_lint_clean() => LintOf().Findings.ShouldBeEmpty();

    [Fact]
    public void Flags_plain_http_redirect_uri_on_a_public_host()
    {
        var finding = Single(JarLintRules.RedirectUriPlainHttp, Client with { RedirectUris = ["http://app.example.com/callback"] });

        finding.ClientId.ShouldBe("clean-client");
        finding.Setting.ShouldBe("RedirectUris");
        finding.Message.ShouldBe("Client 'clean-client': redirect URI 'http://app.example.com/callback' uses plain http on 'app.example.com', which is not a loopback address.");
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080/callback")]
    [InlineData("http://[::1]:5080/callback")]
    [InlineData("https://app.example.com/callback")]
    public void Accepts_https_and_loopback_http_redirect_uris(string uri) =>
        Findings(JarLintRules.RedirectUriPlainHttp, Client with { RedirectUris = [uri] }).ShouldBeEmpty();

    [Theory]
    [InlineData("https://*.example.com/callback")]
    [InlineData("https://app.example.com/*")]
    [InlineData("https://app.example.com/cb/(.*)")]
    [InlineData("/callback")]
    public void Flags_wildcard_or_pattern_redirect_uri(string uri) =>
        Single(JarLintRules.RedirectUriPattern, Client with { RedirectUris = [uri] }).Message.ShouldContain($"'{uri}'");

    [Theory]
    [InlineData("https://app.example.com/callback?tenant=a")]
    [InlineData("http://[::1]:5080/callback")]
    public void Does_not_take_query_or_ipv6_literal_for_a_pattern(string uri) =>
        Findings(JarLintRules.RedirectUriPattern, Client with { RedirectUris = [uri] }).ShouldBeEmpty();

    [Fact]
    public void Flags_redirect_uri_with_fragment() =>
        Single(JarLintRules.RedirectUriFragment, Client with { RedirectUris = ["https://app.example.com/callback#done"] })
            .Message.ShouldBe("Client 'clean-client': redirect URI 'https://app.example.com/callback#done' has a fragment.");

    [Fact]
    public void Accepts_redirect_uri_without_fragment() =>
        Findings(JarLintRules.RedirectUriFragment).ShouldBeEmpty();

    [Fact]
    public void Flags_redirect_uri_with_query_string() =>
        Single(JarLintRules.RedirectUriQuery, Client with { RedirectUris = ["https://app.example.com/callback?tenant=a"] })
            .Message.ShouldBe("Client 'clean-client': redirect URI 'https://app.example.com/callback?tenant=a' carries a query string (?tenant=a).");

    [Fact]
    public void Accepts_redirect_uri_without_query_string() =>
        Findings(JarLintRules.RedirectUriQuery).ShouldBeEmpty();

    [Fact]
    public void Flags_localhost_name_in_a_native_apps_loopback_redirect_uri() =>
        Single(JarLintRules.RedirectUriLocalhostName, Client with { IsNative = true, RedirectUris = ["http://localhost:7000/cb"] })
            .Message.ShouldBe("Client 'clean-client': redirect URI 'http://localhost:7000/cb' names 'localhost'; use 127.0.0.1 or [::1].");

    [Fact]
    public void Accepts_loopback_ip_literal_for_a_native_app() =>
        Findings(JarLintRules.RedirectUriLocalhostName, Client with { IsNative = true, RedirectUris = ["http://127.0.0.1:7000/cb"] }).ShouldBeEmpty();

    [Fact]
    public void Leaves_localhost_of_a_confidential_web_client_to_other_rules() =>
        Findings(JarLintRules.RedirectUriLocalhostName, Client with { RedirectUris = ["http://localhost:7000/cb"] }).ShouldBeEmpty();

    [Fact]
    public void Notes_redirect_uris_on_several_hosts() =>
        Single(JarLintRules.RedirectUriSeveralHosts, Client with { RedirectUris = ["https://a.example.com/cb", "https://b.example.org/cb"] })
            .Message.ShouldBe("Client 'clean-client': redirect URIs point at 2 hosts (a.example.com, b.example.org).");

    [Fact]
    public void Accepts_several_redirect_uris_on_one_host() =>
        Findings(JarLintRules.RedirectUriSeveralHosts, Client with { RedirectUris = ["https://a.example.com/cb", "https://A.example.com/other"] }).ShouldBeEmpty();
}
