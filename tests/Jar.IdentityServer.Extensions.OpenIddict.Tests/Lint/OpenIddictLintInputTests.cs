using System.Text.Json;
using Jar.IdentityServer.Extensions.Lint;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Lint;

/// <summary>The lint's input, read from a running OpenIddict server: what discovery advertises and what each application holds.</summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class OpenIddictLintInputTests(OpenIddictHostFixture host)
{
    [Fact]
    public async Task Reads_the_lists_discovery_advertises_exactly()
    {
        var input = await ReadAsync();
        using var response = await host.Http.GetAsync(new Uri(".well-known/openid-configuration", UriKind.Relative));
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var metadata = document.RootElement;

        input.Server.Issuer.ShouldBe(new Uri(host.Issuer));
        input.Server.HasPushedAuthorizationEndpoint.ShouldBeTrue();
        input.Server.CodeChallengeMethods.Order().ShouldBe(Strings(metadata, "code_challenge_methods_supported"));
        input.Server.GrantTypes.Order().ShouldBe(Strings(metadata, "grant_types_supported"));
        input.Server.ResponseTypes.Order().ShouldBe(Strings(metadata, "response_types_supported"));
        var advertised = metadata.EnumerateObject().Where(p => p.Name.EndsWith("_alg_values_supported", StringComparison.Ordinal)).ToList();
        advertised.ShouldNotBeEmpty();
        foreach (var list in advertised)
        {
            input.Server.AdvertisedAlgorithms[list.Name].Order().ShouldBe(list.Value.EnumerateArray().Select(e => e.GetString()!).Order(), list.Name);
        }
    }

    [Fact]
    public async Task Reads_each_application_with_its_registration_and_its_jar_policy()
    {
        var input = await ReadAsync();

        input.Clients.Select(c => c.ClientId).ShouldContain(host.Clients.C1.ClientId);
        var c1 = input.Clients.Single(c => c.ClientId == host.Clients.C1.ClientId);
        c1.IsPublic.ShouldBeFalse();
        c1.AuthenticationMethod.ShouldBe("private_key_jwt");
        c1.RedirectUris.ShouldBe([host.Clients.C1.RedirectUri]);
        c1.Keys.Select(k => k.Kid).ShouldBe(host.Clients.C1.RegisteredKeys.Select(k => k.PublicJwk.Kid), ignoreOrder: true);
        c1.GrantTypes.ShouldBe(["authorization_code"]);
        c1.ResponseTypes.ShouldBe(["code"]);
        c1.Policy.Profile.ShouldBe(JarProfiles.Strict);
        input.Clients.Single(c => c.ClientId == host.Clients.Fapi2.ClientId).Policy.Profile.ShouldBe(JarProfiles.Fapi2MessageSigning);
    }

    [Fact]
    public async Task Lints_the_stock_server_with_jar_hardening_without_plain_pkce_or_none()
    {
        var report = JarLinter.Run(await ReadAsync());

        report.Findings.ShouldNotContain(f => f.Rule == JarLintRules.PkcePlainAdvertised || f.Rule == JarLintRules.AlgorithmNoneAdvertised);
        report.Findings.ShouldNotContain(f => f.Rule == JarLintRules.IssuerPlainHttp); // loopback
    }

    private async Task<JarLintInput> ReadAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OpenIddictJarLint>().ReadAsync(baseUri: null);
    }

    private static IEnumerable<string> Strings(JsonElement metadata, string name) =>
        metadata.GetProperty(name).EnumerateArray().Select(static e => e.GetString()!).Order();
}
