using Jar.SampleHost.Demo;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;

namespace Jar.SampleHost.Tests;

/// <summary>Run with <c>--urls</c> on another port, the demo clients, demo-request and the home page follow the host's address.</summary>
public sealed class OtherPortTests(OtherPortTests.OtherPortHostFactory host) : IClassFixture<OtherPortTests.OtherPortHostFactory>
{
    private const string Address = "http://127.0.0.1:5090";

    [Fact]
    public async Task The_demo_clients_are_registered_and_send_the_callback_on_the_hosts_own_port()
    {
        _ = host.Server;
        await using var scope = host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var clientId in (string[])["fapi2-client", "strict-client", "public-client"])
        {
            var application = (await applications.FindByClientIdAsync(clientId)).ShouldNotBeNull();
            (await applications.GetRedirectUrisAsync(application)).ShouldBe([Address + "/callback"]);
        }

        var request = await AuthorizationFlow.StartAsync(host, "strict-client", DemoDelivery.Query);
        AuthorizationFlow.Query(request.AuthorizationUrl)["redirect_uri"].ToString().ShouldBe(Address + "/callback");
    }

    [Fact]
    public async Task The_home_page_gives_demo_request_the_hosts_address()
    {
        using var browser = host.CreateBrowser();

        var page = await Browser.ReadPageAsync(await browser.GetAsync(new Uri("/", UriKind.Relative)));

        page.QuerySelectorAll("section.card pre").Select(p => p.TextContent).ShouldContain($"dotnet run --project host-sample/Jar.SampleHost -- demo-request --urls {Address} fapi2-client");
        page.QuerySelectorAll("section.card dd").Select(d => d.TextContent).ShouldContain(Address + "/callback");
    }

    /// <summary>The sample host configured to listen on port 5090.</summary>
    public sealed class OtherPortHostFactory : SampleHostFactory
    {
        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            base.AddSettings(settings);
            settings["urls"] = Address;
        }
    }
}
