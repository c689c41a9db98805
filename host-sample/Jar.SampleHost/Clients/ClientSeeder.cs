using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.SampleHost.Clients;

/// <summary>
/// Registers the configured demo clients with OpenIddict on start: creates the missing ones and updates those whose
/// configuration or stored JAR policy changed. A registration that matches both is left untouched.
/// </summary>
public sealed class ClientSeeder(
    IOpenIddictApplicationManager applications,
    IOptions<SampleClientsOptions> clients,
    IJarPolicyAdministration policies,
    IHostEnvironment environment,
    ILogger<ClientSeeder> logger)
{
    /// <summary>The application property holding a hash of the configuration it was registered from (secrets excluded).</summary>
    internal const string FingerprintProperty = "jar_sample_configuration";

    /// <summary>Creates or updates every configured client.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        foreach (var (clientId, settings) in clients.Value.Clients)
        {
            // The stored policy (the store is the source of truth once seeded), as the engine enforces it.
            var policy = (await policies.GetAsync(clientId, cancellationToken).ConfigureAwait(false)).Resolution.Policy;
            var descriptor = Describe(clientId, settings, policy);
            var application = await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false);
            if (application is null)
            {
                await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
                SampleHostLog.ClientCreated(logger, clientId, policy.Profile);
                continue;
            }

            if (await IsCurrentAsync(application, descriptor, settings.Secret, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            await applications.UpdateAsync(application, descriptor, cancellationToken).ConfigureAwait(false);
            SampleHostLog.ClientUpdated(logger, clientId, policy.Profile);
        }
    }

    private OpenIddictApplicationDescriptor Describe(string clientId, SampleClientSettings settings, JarPolicy policy)
    {
        var isPublic = string.Equals(settings.Type, ClientTypeNames.Public, StringComparison.OrdinalIgnoreCase);
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            DisplayName = settings.NameOr(clientId),
            ClientType = isPublic ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = settings.Secret,
            ConsentType = ConsentTypes.Explicit,
            JsonWebKeySet = settings.Jwks is { } jwks ? ClientKeys.LoadPublicKeySet(jwks, environment.ContentRootPath) : null,
        };

        foreach (var uri in settings.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.PushedAuthorization,
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.AuthorizationCode,
        ]);

        // The response types the client's policy allows: code, and code id_token for a FAPI 1.0 Advanced client
        // (§5.2.2-2). The JAR engine refuses any other before OpenIddict sees it (JAR609).
        foreach (var responseType in policy.AllowedResponseTypes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.ResponseType + responseType);

            // OpenIddict counts a response type that returns a token from the authorization endpoint as the implicit grant.
            if (responseType.Split(' ').Any(value => value is ResponseTypes.IdToken or ResponseTypes.Token))
            {
                descriptor.Permissions.Add(Permissions.GrantTypes.Implicit);
            }
        }
        foreach (var scope in settings.Scopes)
        {
            // openid needs no permission; offline_access is the permission to use refresh tokens.
            if (scope == Scopes.OfflineAccess)
            {
                descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
            }
            else if (scope != Scopes.OpenId)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }
        }

        // OpenIddict enforces the same two requirements itself, behind the JAR engine's rules (JAR602, JAR603).
        // Not under a report-only policy: there a violation is recorded and the request goes through, which
        // OpenIddict's own check would undo.
        var enforced = policy.Mode == EnforcementMode.Enforce;
        if (enforced && policy.RequirePkce)
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (enforced && policy.RequirePushedAuthorizationRequests)
        {
            descriptor.Requirements.Add(Requirements.Features.PushedAuthorizationRequests);
        }

        descriptor.Properties[FingerprintProperty] = JsonSerializer.SerializeToElement(Fingerprint(descriptor, settings));
        return descriptor;
    }

    private async Task<bool> IsCurrentAsync(object application, OpenIddictApplicationDescriptor descriptor, string? secret, CancellationToken cancellationToken)
    {
        var properties = await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false);
        if (!properties.TryGetValue(FingerprintProperty, out var stored) || stored.ValueKind != JsonValueKind.String
            || stored.GetString() != descriptor.Properties[FingerprintProperty].GetString())
        {
            return false;
        }

        // The stored secret is a hash: compare by verifying the configured one against it.
        return secret is null || await applications.ValidateClientSecretAsync(application, secret, cancellationToken).ConfigureAwait(false);
    }

    private string Fingerprint(OpenIddictApplicationDescriptor descriptor, SampleClientSettings settings)
    {
        var text = new StringBuilder()
            .AppendLine(descriptor.ClientId).AppendLine(descriptor.DisplayName).AppendLine(descriptor.ClientType)
            .AppendLine(descriptor.ConsentType)
            .AppendLine(settings.Jwks is { } jwks ? ClientKeys.ReadNormalized(jwks, environment.ContentRootPath) : "-")
            .AppendJoin(' ', descriptor.RedirectUris.Select(u => u.AbsoluteUri).Order(StringComparer.Ordinal)).AppendLine()
            .AppendJoin(' ', descriptor.Permissions.Order(StringComparer.Ordinal)).AppendLine()
            .AppendJoin(' ', descriptor.Requirements.Order(StringComparer.Ordinal)).AppendLine()
            .ToString();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
