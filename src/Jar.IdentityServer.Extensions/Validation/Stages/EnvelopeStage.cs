using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The envelope around any request object: RFC 6749 §3.1 (no parameter twice), RFC 9101 §5 (<c>request</c> or
/// <c>request_uri</c>, never both, never empty), RFC 9126 §2.1 (no <c>request_uri</c> at PAR) and a registered client.
/// Pure: it reads the request and the client's registration only.
/// </summary>
internal static class EnvelopeStage
{
    public static JarViolation? Check(JarRequest request, JarClient? client, DecisionDraft draft)
    {
        foreach (var parameter in request.Parameters)
        {
            if (parameter.Value.Count > 1)
            {
                return new(JarRules.ParameterRepeated, "A parameter was sent more than once.");
            }
        }

        var requestObject = request[Names.Request];
        var requestUri = request[Names.RequestUri];

        // An empty 'request' or 'request_uri' is a malformed one, never a request without it.
        if (requestObject is null && request.Parameters.ContainsKey(Names.Request))
        {
            return new(JarRules.RequestObjectMalformed, "The 'request' parameter is empty.");
        }

        if (requestUri is null && request.Parameters.ContainsKey(Names.RequestUri))
        {
            return new(JarRules.RequestUriNotPushed, "The 'request_uri' parameter is empty.");
        }

        if (requestObject is not null && requestUri is not null)
        {
            return new(JarRules.RequestAndRequestUri, "'request' and 'request_uri' must not be sent together.");
        }

        if (requestUri is not null && request.Endpoint == JarEndpoint.PushedAuthorization)
        {
            return new(JarRules.RequestUriAtPar, "'request_uri' must not be sent to the PAR endpoint.");
        }

        var clientId = request[Names.ClientId] ?? request.AuthenticatedClientId;
        if (clientId is null)
        {
            return new(JarRules.ClientIdMissing, "The request has no client_id.");
        }

        draft.ClientId = clientId;
        return client is null || !string.Equals(client.ClientId, clientId, StringComparison.Ordinal)
            ? new(JarRules.ClientUnknown, "The client_id is not a registered client.")
            : null;
    }

    /// <summary>
    /// RFC 9126 §4: only this server's own pushed requests are taken by reference, never fetched from elsewhere
    /// (RFC 9101 §10.4). The host restores them; they were validated at the PAR endpoint.
    /// </summary>
    public static JarViolation? CheckReference(string requestUri) =>
        requestUri.StartsWith(Names.PushedRequestUriPrefix, StringComparison.Ordinal)
            ? null
            : new(JarRules.RequestUriNotPushed, "Only request_uri values issued by this server's PAR endpoint are accepted.");
}
