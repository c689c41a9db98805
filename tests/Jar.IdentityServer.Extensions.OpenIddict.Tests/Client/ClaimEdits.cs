namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Client;

/// <summary>The shared claim edits (<see cref="Jar.Testing.ClaimEdits"/>), dated from this host's clock and issuer.</summary>
internal static class FlowClaimEdits
{
    public static AuthorizationFlow Edit(this AuthorizationFlow flow, string edits)
    {
        flow.RequestObject.Edit(edits, flow.Now, flow.Issuer);
        return flow;
    }
}
