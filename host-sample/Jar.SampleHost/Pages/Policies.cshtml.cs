using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Hardening;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Pages;

/// <summary>Each configured client's effective JAR policy, read from the policy store: the page form of <c>policy show</c>.</summary>
public sealed class PoliciesModel(IOptions<SampleClientsOptions> clients, IJarPolicyAdministration policies, IOptions<JarHardeningOptions> engine) : PageModel
{
    /// <summary>The clients' policies, in configuration order.</summary>
    public IReadOnlyList<PolicyView> Policies { get; private set; } = [];

    /// <summary>The clients whose stored policy no longer resolves (their requests are refused), with the reason.</summary>
    public IReadOnlyList<(string ClientId, string Problem)> Invalid { get; private set; } = [];

    /// <summary>Builds the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var views = new List<PolicyView>();
        var invalid = new List<(string, string)>();
        foreach (var clientId in clients.Value.Clients.Keys)
        {
            try
            {
                views.Add(new PolicyView(await policies.GetAsync(clientId, cancellationToken).ConfigureAwait(false), engine.Value.DefaultProfile));
            }
            catch (Exception e) when (e is JarPolicyException or System.Text.Json.JsonException)
            {
                invalid.Add((clientId, e.Message));
            }
        }

        Policies = views;
        Invalid = invalid;
    }
}
