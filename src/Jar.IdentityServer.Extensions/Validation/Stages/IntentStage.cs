using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions;

/// <summary>The intent hash (<see cref="JarIntent"/>) of an accepted request, from exactly what counted after assembly.</summary>
internal static class IntentStage
{
    public static JarViolation? Compute(DecisionDraft draft, IReadOnlyDictionary<string, ClaimValue>? claims, IReadOnlyDictionary<string, string> parameters)
    {
        try
        {
            draft.IntentHash = claims is not null ? JarIntent.FromClaims(claims, draft.ClientId!) : JarIntent.FromParameters(parameters, draft.ClientId!);
            return null;
        }
        catch (FormatException)
        {
            return new(JarRules.IntentNotCanonical, "The request object holds a value that has no canonical JSON form (RFC 8785).");
        }
    }
}
