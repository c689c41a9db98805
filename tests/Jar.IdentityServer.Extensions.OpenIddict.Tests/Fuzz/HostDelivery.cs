namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;

/// <summary>How a generated request travels: by value in the query or a form, or pushed to the PAR endpoint.</summary>
public enum HostDelivery
{
    /// <summary><c>GET /connect/authorize?...</c>.</summary>
    Query,

    /// <summary><c>POST /connect/authorize</c> with a form (OpenID Connect Core §3.1.2.1).</summary>
    Form,

    /// <summary><c>POST /connect/par</c> with a form and client authentication, then the front channel with the request_uri.</summary>
    Pushed,
}
