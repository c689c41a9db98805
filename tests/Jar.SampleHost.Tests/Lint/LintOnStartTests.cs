using System.Net;

namespace Jar.SampleHost.Tests.Lint;

/// <summary><c>Jar:Lint:OnStart</c>: <c>Fail</c> refuses to start on an error finding and names it; a clean host starts; <c>Warn</c> starts whatever it finds.</summary>
public sealed class LintOnStartTests
{
    [Fact]
    public void Fail_refuses_to_start_and_names_the_error_finding()
    {
        using var host = new FailingLintHostFactory();

        var refused = Should.Throw<InvalidOperationException>(() => host.Server);

        refused.Message.ShouldStartWith("Jar:Lint:OnStart is Fail and the registration lint found errors; the host does not start.");
        refused.Message.ShouldContain($"JARL001 Client '{LintClients.HttpClient}': redirect URI '{LintClients.HttpRedirectUri}' uses plain http");
    }

    [Fact]
    public async Task Fail_starts_the_sample_hosts_own_configuration()
    {
        using var host = new GatedHostFactory();
        using var http = host.CreateClient();

        (await http.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Warn_starts_with_an_error_finding()
    {
        using var host = new LintHostFactory();
        using var http = host.CreateClient();

        (await http.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
