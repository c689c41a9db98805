using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions.Rules.RequestObject;

/// <summary>What a request object rule sees: the request, the client, its policy, the verified object and the time.</summary>
internal sealed record RequestObjectContext(
    JarRequest Request,
    JarClient Client,
    JarPolicy Policy,
    JoseHeader Header,
    IReadOnlyDictionary<string, ClaimValue> Claims,
    DateTimeOffset Now);

/// <summary>A pure check of a verified request object. Returns the violation, or null.</summary>
internal interface IRequestObjectRule
{
    JarViolation? Check(RequestObjectContext context);
}
