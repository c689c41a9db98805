using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Clients;
using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Demo;

/// <summary>Builds the demo client of a configured client id, and redeems the codes of pending authorizations.</summary>
public sealed class DemoClients(
    IOptions<SampleClientsOptions> clients,
    IJarPolicyAdministration policies,
    IHttpClientFactory httpClients,
    PendingAuthorizationStore pending,
    IHostEnvironment environment,
    TimeProvider time)
{
    /// <summary>The named HTTP client that reaches the running host (its base address is the host's).</summary>
    public const string HttpClientName = "sample-host";

    /// <summary>The demo client for <paramref name="clientId"/>.</summary>
    public async Task<DemoClient> CreateAsync(string clientId, CancellationToken cancellationToken)
    {
        if (!clients.Value.Clients.TryGetValue(clientId, out var settings))
        {
            throw new DemoClientException($"'{clientId}' is not a configured client. Configured: {string.Join(", ", clients.Value.Clients.Keys)}.");
        }

        var policy = (await policies.GetAsync(clientId, cancellationToken).ConfigureAwait(false)).Resolution.Policy;
        var key = settings.DemoPrivateKey is { } value ? ClientKeys.LoadPrivateKey(value, environment.ContentRootPath) : null;
        if (key is null && settings.Jwks is not null)
        {
            throw new DemoClientException($"Client '{clientId}' authenticates with private_key_jwt but has no Jar:Clients:{clientId}:DemoPrivateKey.");
        }

        return new DemoClient(clientId, settings, policy, key, httpClients.CreateClient(HttpClientName), pending, time);
    }

    /// <summary>Redeems the code of the authorization request started with <paramref name="state"/>.</summary>
    public async Task<DemoTokenResponse> RedeemAsync(string state, string code, string? issuer, CancellationToken cancellationToken)
    {
        var started = await pending.FindAsync(state, cancellationToken).ConfigureAwait(false)
            ?? throw new DemoClientException("No pending authorization request has this state: it was redeemed already, or was not started by demo-request.");
        var client = await CreateAsync(started.ClientId, cancellationToken).ConfigureAwait(false);
        return await client.RedeemAsync(started, code, issuer, cancellationToken).ConfigureAwait(false);
    }
}
