using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Demo;
using Jar.SampleHost.Hosting;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Pages;

/// <summary>The home page: what this host is, its demo clients and their policies, and how to start a flow.</summary>
public sealed class IndexModel(IOptions<SampleClientsOptions> clients, IJarPolicyAdministration policies, IConfiguration configuration) : PageModel
{
    /// <summary>The command that starts a walk-through for a client.</summary>
    public const string DemoRequestCommand = "dotnet run --project host-sample/Jar.SampleHost -- demo-request";

    /// <summary>
    /// <see cref="DemoRequestCommand"/> with this host's own address when it does not listen on the default one, so
    /// the command reaches this host.
    /// </summary>
    public string DemoRequest => SampleHostUrls.BaseAddress(configuration).AbsoluteUri == SampleHostUrls.Default + "/"
        ? DemoRequestCommand
        : $"{DemoRequestCommand} --urls {SampleHostUrls.BaseAddress(configuration).AbsoluteUri.TrimEnd('/')}";

    /// <summary>The demo clients, in configuration order.</summary>
    public IReadOnlyList<ClientCard> Clients { get; private set; } = [];

    /// <summary>Builds the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var cards = new List<ClientCard>();
        foreach (var (clientId, settings) in clients.Value.Clients)
        {
            var policy = (await policies.GetAsync(clientId, cancellationToken).ConfigureAwait(false)).Resolution.Policy;
            cards.Add(new ClientCard(clientId, settings, policy));
        }

        Clients = cards;
    }

    /// <summary>One demo client as shown on the page.</summary>
    /// <param name="ClientId">The client id.</param>
    /// <param name="Settings">Its configuration.</param>
    /// <param name="Policy">Its effective JAR policy, from the policy store.</param>
    public sealed record ClientCard(string ClientId, SampleClientSettings Settings, JarPolicy Policy)
    {
        /// <summary>How the demo client sends its request under this policy.</summary>
        public string Delivery =>
            Policy.RequirePushedAuthorizationRequests ? $"{Object} pushed to /connect/par, then request_uri"
            : Settings.DemoPrivateKey is not null || Policy.RequireRequestObject ? $"{Object} by value (request=…)"
            : "plain query parameters with PKCE";

        private string Object => Policy.RequireEncryptedRequestObject
            ? $"signed request object encrypted to the server ({DemoEncryption.Algorithm}, {DemoEncryption.ContentEncryption})"
            : "signed request object";
    }
}
