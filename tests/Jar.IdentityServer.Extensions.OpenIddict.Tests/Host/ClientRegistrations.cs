using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>The OpenIddict registration of each test client and its JAR policy.</summary>
internal static class ClientRegistrations
{
    public const string AccountsScope = "accounts";

    public static OpenIddictApplicationDescriptor Describe(TestClients clients, TestClient client)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientType = client.IsPublic ? ClientTypes.Public : ClientTypes.Confidential,
            DisplayName = client.ClientId,
        };
        descriptor.RedirectUris.Add(new Uri(client.RedirectUri));
        descriptor.Permissions.UnionWith(
        [
            Permissions.Endpoints.Authorization,
            Permissions.Endpoints.Token,
            Permissions.GrantTypes.AuthorizationCode,
            Permissions.ResponseTypes.Code,
            Permissions.Scopes.Profile,
            Permissions.Prefixes.Scope + AccountsScope,
        ]);

        if (!client.IsPublic)
        {
            // private_key_jwt (RFC 7523 §2.2): the key set is also where request object keys come from (RFC 9101 §6.2).
            descriptor.Permissions.Add(Permissions.Endpoints.PushedAuthorization);
            descriptor.JsonWebKeySet = new JsonWebKeySet();
            foreach (var key in client.RegisteredKeys)
            {
                descriptor.JsonWebKeySet.Keys.Add(key.PublicJwk);
            }
        }
        else
        {
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        }

        if (client == clients.Fapi2)
        {
            descriptor.Requirements.Add(Requirements.Features.PushedAuthorizationRequests);
        }

        return descriptor;
    }

    public static void AddPolicies(TestClients clients, JarHardeningOptions options)
    {
        options.Clients[clients.C1.ClientId] = new JarPolicyOverrides();
        options.Clients[clients.Discarding.ClientId] = new JarPolicyOverrides { OuterParameters = OuterParameterHandling.Discard };
        options.Clients[clients.Fapi2.ClientId] = new JarPolicyOverrides { Profile = JarProfiles.Fapi2MessageSigning };
        options.Clients[clients.StrictJar.ClientId] = new JarPolicyOverrides { Profile = JarProfiles.Strict, RequireRequestObject = true };
        options.Clients[clients.Encrypting.ClientId] = new JarPolicyOverrides { RequireEncryptedRequestObject = true };
    }
}
