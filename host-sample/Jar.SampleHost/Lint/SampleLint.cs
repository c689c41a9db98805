using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.IdentityServer.Extensions.Lint;
using Jar.IdentityServer.Extensions.OpenIddict;
using Jar.SampleHost.Hosting;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Lint;

/// <summary>
/// Lints the host as it stands: OpenIddict's applications and server options (read by the adapter), each client's
/// stored policy with the time it was last written, and the policy loosenings recorded in the change log.
/// </summary>
internal sealed class SampleLint(
    OpenIddictJarLint reader,
    IJarPolicyAdministration policies,
    IJarPolicyChangeLog changes,
    IOptions<LintSettings> settings,
    IOptions<ServerSettings> server,
    IConfiguration configuration)
{
    /// <summary>Where the registrations of the sample come from, for SARIF's physical location (relative to the repository root).</summary>
    public const string ConfigurationFile = "host-sample/Jar.SampleHost/appsettings.json";

    public async Task<JarLintReport> RunAsync(CancellationToken cancellationToken)
    {
        // Without Server:Issuer OpenIddict takes the issuer from each request; the lint takes the host's own address.
        var input = await reader.ReadAsync(server.Value.Issuer ?? SampleHostUrls.BaseAddress(configuration), cancellationToken).ConfigureAwait(false);
        var clients = new List<JarLintClient>(input.Clients.Count);
        foreach (var client in input.Clients)
        {
            var stored = await policies.GetAsync(client.ClientId, cancellationToken).ConfigureAwait(false);
            clients.Add(client with { PolicyUpdatedAt = stored.UpdatedAt });
        }

        var options = settings.Value.ToOptions();
        var recent = await changes.ListAsync(input.Now - options.RecentLooseningWindow, cancellationToken).ConfigureAwait(false);
        return JarLinter.Run(input with { Clients = clients, Options = options, PolicyChanges = recent });
    }
}
