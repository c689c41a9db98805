namespace Jar.IdentityServer.Extensions.Rules.Assembly;

/// <summary>
/// Parameters sent beside a pushed <c>request_uri</c> at the authorization endpoint, judged against what was pushed
/// (RFC 9126 §4, OpenID Connect Core §6.1): the request that counts is the pushed one, so an outer parameter may only
/// repeat it. Under <see cref="OuterParameterHandling.RejectMismatch"/> one that is missing from the pushed request or
/// differs from it is refused, as by value (JAR501); under <see cref="OuterParameterHandling.Discard"/> it is dropped.
/// The outer <c>client_id</c> is always the pushed client's (RFC 9101 §6.3). Only authorization parameters are
/// judged: a parameter this server does not know is ignored (RFC 6749 §3.1), such as the fields a host's own sign-in
/// or consent page posts back to the authorization endpoint beside the <c>request_uri</c>.
/// </summary>
internal static class PushedRequestOuterParametersRule
{
    public static JarViolation? Check(JarRequest request, IReadOnlyDictionary<string, string> pushed, JarPolicy policy)
    {
        if (!pushed.TryGetValue(AuthorizationParameterNames.ClientId, out var pushedClient) ||
            !string.Equals(pushedClient, request[AuthorizationParameterNames.ClientId], StringComparison.Ordinal))
        {
            return new JarViolation(JarRules.ClientIdMismatch, "The client_id is not the client that pushed the request.");
        }

        if (policy.OuterParameters != OuterParameterHandling.RejectMismatch)
        {
            return null;
        }

        foreach (var (name, values) in request.Parameters)
        {
            if (name is AuthorizationParameterNames.RequestUri or AuthorizationParameterNames.ClientId ||
                !RequestObjects.AuthorizationParameterTypes.Known.ContainsKey(name))
            {
                continue;
            }

            if (!pushed.TryGetValue(name, out var value) || !string.Equals(value, values[0], StringComparison.Ordinal))
            {
                return new JarViolation(JarRules.OuterParameterMismatch, "A parameter beside the request_uri is missing from the pushed request or differs from it.");
            }
        }

        return null;
    }
}
