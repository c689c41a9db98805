using System.Globalization;
using Duende.IdentityModel.Client;
using Jar.IdentityServer.Extensions.Client.Authentication;

namespace Jar.IdentityServer.Extensions.Client.IdentityModel;

/// <summary>Signed request objects for Duende.IdentityModel's <see cref="PushedAuthorizationRequest"/>.</summary>
public static class PushedAuthorizationRequestJarExtensions
{
    /// <summary>
    /// A copy of <paramref name="request"/> whose authorization parameters (response_type, scope, redirect_uri,
    /// state, nonce, PKCE, prompt, max_age, the extra <see cref="ProtocolRequest.Parameters"/> ...) travel only inside
    /// a request object signed by <paramref name="client"/> (RFC 9126 §3), with the PAR endpoint as address when none
    /// is set and a fresh <c>private_key_jwt</c> assertion when the client authenticates so.
    /// </summary>
    /// <param name="request">The request as it would be sent plainly.</param>
    /// <param name="client">The client: its id, keys, server and authentication.</param>
    /// <param name="cancellationToken">Cancels the metadata fetch.</param>
    /// <returns>The request to pass to <c>HttpClient.PushAuthorizationAsync</c>.</returns>
    /// <exception cref="NotSupportedException">More than one <c>resource</c>: a request object member holds one string here.</exception>
    public static async Task<PushedAuthorizationRequest> WithSignedRequestObjectAsync(this PushedAuthorizationRequest request, JarClient client, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (request.Resource is { Count: > 1 })
        {
            throw new NotSupportedException("Several resource values cannot be carried in this request object; send one.");
        }

        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["response_type"] = request.ResponseType,
            ["scope"] = request.Scope,
            ["redirect_uri"] = request.RedirectUri,
            ["state"] = request.State,
            ["nonce"] = request.Nonce,
            ["code_challenge"] = request.CodeChallenge,
            ["code_challenge_method"] = request.CodeChallengeMethod,
            ["prompt"] = request.Prompt,
            ["max_age"] = request.MaxAge?.ToString(CultureInfo.InvariantCulture),
            ["login_hint"] = request.LoginHint,
            ["acr_values"] = request.AcrValues,
            ["response_mode"] = request.ResponseMode,
            ["display"] = request.Display,
            ["ui_locales"] = request.UiLocales,
            ["id_token_hint"] = request.IdTokenHint,
            ["dpop_jkt"] = request.DPoPKeyThumbprint,
            ["resource"] = request.Resource?.SingleOrDefault(),
        };
        foreach (var (name, value) in request.Parameters)
        {
            parameters[name] = value;
        }

        var metadata = await client.Server.GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        var signed = new PushedAuthorizationRequest
        {
            Address = request.Address ?? metadata.PushedAuthorizationRequestEndpoint?.AbsoluteUri,
            ClientId = client.Options.ClientId,
            Request = await client.CreateRequestObjectAsync(parameters, cancellationToken).ConfigureAwait(false),
            DPoPProofToken = request.DPoPProofToken,
        };

        if (client.Authentication is PrivateKeyJwtAuthentication privateKeyJwt)
        {
            // RFC 9126 §2.1 with OpenIddict 7.8: client_id in the body beside the assertion.
            signed.ClientCredentialStyle = ClientCredentialStyle.PostBody;
            signed.ClientAssertion = new ClientAssertion
            {
                Type = PrivateKeyJwtAuthentication.AssertionType,
                Value = privateKeyJwt.CreateAssertion(client.Options.ClientId, metadata.Issuer),
            };
        }
        else
        {
            signed.ClientSecret = request.ClientSecret;
            signed.ClientCredentialStyle = request.ClientCredentialStyle;
        }

        return signed;
    }
}
