using Microsoft.Extensions.Primitives;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>Raw authorization requests, as a host hands them to the engine.</summary>
internal static class Requests
{
    public const string PushedRequestUri = "urn:ietf:params:oauth:request_uri:6esc_11ACC5bwc014ltc14eY22c";

    /// <summary>By value at the authorization endpoint: client_id and request, plus the outer parameters given.</summary>
    public static JarRequest ByValue(string requestObject, params (string Name, string Value)[] outer) =>
        At(JarEndpoint.Authorization, [("client_id", TestClients.C1Id), ("request", requestObject), .. outer]);

    /// <summary>At the PAR endpoint, as client C1 after the host authenticated it.</summary>
    public static JarRequest Pushed(string requestObject, params (string Name, string Value)[] outer) =>
        At(JarEndpoint.PushedAuthorization, [("client_id", TestClients.C1Id), ("request", requestObject), .. outer])
            with { AuthenticatedClientId = TestClients.C1Id };

    /// <summary>Any parameters at any endpoint; a name given twice becomes one parameter with two values.</summary>
    public static JarRequest At(JarEndpoint endpoint, params (string Name, string Value)[] parameters)
    {
        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            values[name] = values.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }

        return new JarRequest(endpoint, TestEngine.Issuer, values);
    }
}
