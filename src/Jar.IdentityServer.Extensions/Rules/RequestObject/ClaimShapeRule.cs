using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>
/// RFC 9101 §4: an object carries no <c>request</c> or <c>request_uri</c> of its own, and every authorization
/// parameter has the JSON type it has as a parameter (<see cref="AuthorizationParameterTypes"/>): strings as JSON
/// strings, <c>max_age</c> as a number, <c>claims</c> as an object, <c>authorization_details</c> as an array of
/// objects, <c>resource</c> as a string or an array of strings. No member is ever a JSON null.
/// </summary>
internal sealed class ClaimShapeRule : IRequestObjectRule
{
    public JarViolation? Check(RequestObjectContext context)
    {
        foreach (var (name, value) in context.Claims)
        {
            if (name is AuthorizationParameterNames.Request or AuthorizationParameterNames.RequestUri)
            {
                return new JarViolation(JarRules.NestedRequestClaim, "The request object carries a 'request' or 'request_uri' claim.");
            }

            if (!AuthorizationParameterTypes.HasItsType(name, value))
            {
                return new JarViolation(JarRules.ClaimValueInvalid, $"The request object's '{Printable(name)}' has a value of the wrong JSON type.");
            }
        }

        return null;
    }

    // The name goes into error_description (RFC 6749 §5.2: %x20-21 / %x23-5B / %x5D-7E only): a known name as is,
    // anything else not at all.
    private static string Printable(string name) =>
        AuthorizationParameterTypes.Known.ContainsKey(name) ? name : "member";
}
