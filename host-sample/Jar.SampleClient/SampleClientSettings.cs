using System.ComponentModel.DataAnnotations;
using Jar.IdentityServer.Extensions.Client;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Jar.SampleClient;

/// <summary>The <c>SampleClient</c> configuration section.</summary>
public sealed class SampleClientSettings
{
    /// <summary>The authorization server's issuer URL.</summary>
    [Required]
    public Uri? Authority { get; set; }

    /// <summary>The client id registered at the server.</summary>
    [Required]
    public string ClientId { get; set; } = "";

    /// <summary>The private key file (JWK, or PEM when it ends with .pem), relative to the content root.</summary>
    [Required]
    public string PrivateKey { get; set; } = "";

    /// <summary>Whether the request object is pushed.</summary>
    public PushedAuthorizationBehavior PushedAuthorization { get; set; } = PushedAuthorizationBehavior.Require;

    /// <summary>Whether the signed object is encrypted to the server.</summary>
    public RequestObjectEncryption Encryption { get; set; } = RequestObjectEncryption.None;

    /// <summary>The scopes asked for.</summary>
    [MinLength(1)]
    public List<string> Scopes { get; set; } = [];
}
