using Names = Jar.IdentityServer.Extensions.AuthorizationParameterNames;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The parameters that count: a verified object's alone (RFC 9101 §6.3), compared with those sent beside it when the
/// policy says <see cref="OuterParameterHandling.RejectMismatch"/>; without an object, the request's own.
/// </summary>
internal static class AssemblyStage
{
    public static IReadOnlyDictionary<string, string> Assemble(JarRequest request, JarPolicy policy, IReadOnlyDictionary<string, string>? objectParameters, List<JarViolation> violations)
    {
        if (objectParameters is null)
        {
            return OuterParameters(request);
        }

        if (policy.OuterParameters == OuterParameterHandling.RejectMismatch)
        {
            CheckOuterParameters(request, objectParameters, violations);
        }

        return objectParameters;
    }

    private static void CheckOuterParameters(JarRequest request, IReadOnlyDictionary<string, string> inner, List<JarViolation> violations)
    {
        foreach (var (name, values) in request.Parameters)
        {
            if (name is Names.Request or Names.ClientId || Names.IsClientAuthentication(name))
            {
                continue;
            }

            if (!inner.TryGetValue(name, out var value) || !string.Equals(value, values[0], StringComparison.Ordinal))
            {
                violations.Add(new JarViolation(JarRules.OuterParameterMismatch, "A parameter outside the request object is missing from it or differs from it."));
                return;
            }
        }
    }

    private static Dictionary<string, string> OuterParameters(JarRequest request)
    {
        var parameters = new Dictionary<string, string>(request.Parameters.Count, StringComparer.Ordinal);
        foreach (var (name, values) in request.Parameters)
        {
            if (!Names.IsClientAuthentication(name) && values.Count == 1 && values[0] is { } value)
            {
                parameters[name] = value;
            }
        }

        return parameters;
    }
}
