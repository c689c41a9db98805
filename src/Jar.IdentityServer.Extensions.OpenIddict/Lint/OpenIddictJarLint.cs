using System.Collections.Immutable;
using Jar.IdentityServer.Extensions.Lint;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.IdentityServer.Extensions.OpenIddict;

/// <summary>
/// Reads what the lint looks at from an OpenIddict server: every application of <see cref="IOpenIddictApplicationManager"/>
/// (client type, application type, redirect URIs, permissions, JWKS) with its JAR policy, and the server's options.
/// What discovery advertises is read by running OpenIddict's own discovery handlers (the JAR ones included) on a
/// configuration request that never reaches the network, so the lint sees the lists a client would see.
/// </summary>
public sealed class OpenIddictJarLint(
    IOpenIddictApplicationManager applications,
    IOpenIddictServerDispatcher dispatcher,
    IOptionsMonitor<OpenIddictServerOptions> serverOptions,
    IJarPolicyStore policies,
    ILogger<OpenIddictJarLint> logger,
    TimeProvider time)
{
    /// <summary>Reads the lint's input.</summary>
    /// <param name="baseUri">The server's address, for a server whose issuer is not configured (OpenIddict then derives it from each request).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    public async Task<JarLintInput> ReadAsync(Uri? baseUri, CancellationToken cancellationToken = default)
    {
        var options = serverOptions.CurrentValue;
        var server = await ReadServerAsync(options, baseUri, cancellationToken).ConfigureAwait(false);
        var clients = new List<JarLintClient>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken).ConfigureAwait(false))
        {
            clients.Add(await ReadClientAsync(application, options, server, cancellationToken).ConfigureAwait(false));
        }

        clients.Sort(static (a, b) => string.CompareOrdinal(a.ClientId, b.ClientId));
        return new JarLintInput(server, clients, time.GetUtcNow());
    }

    private async Task<JarLintServer> ReadServerAsync(OpenIddictServerOptions options, Uri? baseUri, CancellationToken cancellationToken)
    {
        var issuer = options.Issuer ?? baseUri;
        var transaction = new OpenIddictServerTransaction
        {
            Options = options,
            Logger = logger,
            CancellationToken = cancellationToken,
            BaseUri = issuer,
            RequestUri = issuer is null ? null : new Uri(issuer, ".well-known/openid-configuration"),
            EndpointType = OpenIddictServerEndpointType.Configuration,
            Request = new OpenIddictRequest(),
        };
        var discovery = new OpenIddictServerEvents.HandleConfigurationRequestContext(transaction);
        await dispatcher.DispatchAsync(discovery).ConfigureAwait(false);

        var algorithms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [Metadata.IdTokenSigningAlgValuesSupported] = [.. discovery.IdTokenSigningAlgorithms],
        };
        foreach (var (name, value) in discovery.Metadata.Where(static m => m.Key.EndsWith("_alg_values_supported", StringComparison.Ordinal)))
        {
            algorithms[name] = (ImmutableArray<string?>?)value is { } values ? values.OfType<string>().ToArray() : [];
        }

        return new JarLintServer
        {
            Issuer = discovery.Issuer ?? issuer,
            HasPushedAuthorizationEndpoint = discovery.PushedAuthorizationEndpoint is not null || options.PushedAuthorizationEndpointUris.Count > 0,
            CodeChallengeMethods = discovery.CodeChallengeMethods.ToHashSet(StringComparer.Ordinal),
            AdvertisedAlgorithms = algorithms,
            GrantTypes = discovery.GrantTypes.ToHashSet(StringComparer.Ordinal),
            ResponseTypes = discovery.ResponseTypes.Select(JarProfiles.NormalizeResponseType).ToHashSet(StringComparer.Ordinal),
            // OpenIddict rotates refresh tokens ("rolling" tokens) unless told not to.
            RefreshTokenRotation = !options.DisableRollingRefreshTokens,
            AuthorizationCodeLifetime = options.AuthorizationCodeLifetime,
            RequestUriLifetime = options.PushedAuthorizationEndpointUris.Count > 0 ? options.RequestTokenLifetime : null,
        };
    }

    private async Task<JarLintClient> ReadClientAsync(object application, OpenIddictServerOptions options, JarLintServer server, CancellationToken cancellationToken)
    {
        var clientId = await applications.GetClientIdAsync(application, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var clientType = await applications.GetClientTypeAsync(application, cancellationToken).ConfigureAwait(false);
        var applicationType = await applications.GetApplicationTypeAsync(application, cancellationToken).ConfigureAwait(false);
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken).ConfigureAwait(false);
        var redirectUris = await applications.GetRedirectUrisAsync(application, cancellationToken).ConfigureAwait(false);
        var keySet = await applications.GetJsonWebKeySetAsync(application, cancellationToken).ConfigureAwait(false);
        var isPublic = string.Equals(clientType, ClientTypes.Public, StringComparison.Ordinal);
        var keys = keySet?.Keys.ToArray() ?? [];

        return new JarLintClient
        {
            ClientId = clientId,
            IsPublic = isPublic,
            IsNative = string.Equals(applicationType, ApplicationTypes.Native, StringComparison.Ordinal),
            // OpenIddict authenticates a confidential client by its JWKS (private_key_jwt) when it has one, else by its secret.
            AuthenticationMethod = isPublic ? ClientAuthenticationMethods.None
                : keys.Length > 0 ? ClientAuthenticationMethods.PrivateKeyJwt
                : ClientAuthenticationMethods.ClientSecretBasic,
            RedirectUris = redirectUris,
            Keys = keys,
            // A permission the server ignores is no restriction: the client may use everything the server offers.
            GrantTypes = options.IgnoreGrantTypePermissions ? server.GrantTypes : Permitted(permissions, Permissions.Prefixes.GrantType, static g => g),
            ResponseTypes = options.IgnoreResponseTypePermissions ? server.ResponseTypes : Permitted(permissions, Permissions.Prefixes.ResponseType, JarProfiles.NormalizeResponseType),
            Scopes = options.IgnoreScopePermissions ? options.Scopes.ToHashSet(StringComparer.Ordinal) : Permitted(permissions, Permissions.Prefixes.Scope, static s => s),
            Policy = await policies.GetPolicyAsync(clientId, cancellationToken).ConfigureAwait(false),
        };
    }

    private static HashSet<string> Permitted(ImmutableArray<string> permissions, string prefix, Func<string, string> normalize) =>
        permissions.Where(p => p.StartsWith(prefix, StringComparison.Ordinal)).Select(p => normalize(p[prefix.Length..])).ToHashSet(StringComparer.Ordinal);
}
