using System.Net.Http.Headers;
using System.Text;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.IdentityServer.Extensions.Client.Authentication;

/// <summary>How the client authenticates at the PAR and token endpoints (RFC 6749 §2.3, RFC 7523 §2.2).</summary>
public abstract class ClientAuthentication
{
    private protected ClientAuthentication()
    {
    }

    /// <summary><c>private_key_jwt</c> (OpenID Connect Core §9) with the client's current key.</summary>
    /// <param name="keys">The client's keys.</param>
    /// <param name="time">The clock.</param>
    public static PrivateKeyJwtAuthentication PrivateKeyJwt(ClientKeySet keys, TimeProvider? time = null) => new(keys, time);

    /// <summary><c>client_secret_basic</c> (RFC 6749 §2.3.1).</summary>
    /// <param name="secret">The client secret.</param>
    public static ClientAuthentication ClientSecretBasic(string secret) => new SecretBasic(secret);

    /// <summary>Adds the client's credentials to a request to <paramref name="issuer"/>'s endpoint.</summary>
    /// <param name="request">The request; headers may be set.</param>
    /// <param name="form">Its form body; parameters may be added.</param>
    /// <param name="clientId">The client.</param>
    /// <param name="issuer">The server's issuer identifier.</param>
    public abstract void Apply(HttpRequestMessage request, IDictionary<string, string> form, string clientId, string issuer);

    private sealed class SecretBasic : ClientAuthentication
    {
        private readonly string _secret;

        public SecretBasic(string secret)
        {
            ArgumentException.ThrowIfNullOrEmpty(secret);
            _secret = secret;
        }

        public override void Apply(HttpRequestMessage request, IDictionary<string, string> form, string clientId, string issuer)
        {
            ArgumentNullException.ThrowIfNull(request);
            ArgumentNullException.ThrowIfNull(form);

            // RFC 6749 §2.3.1: both halves form-urlencoded before the Basic encoding.
            var credentials = Uri.EscapeDataString(clientId) + ":" + Uri.EscapeDataString(_secret);
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));

            // RFC 9126 §2.1 with OpenIddict 7.8: client_id in the body as well.
            form["client_id"] = clientId;
        }
    }
}
