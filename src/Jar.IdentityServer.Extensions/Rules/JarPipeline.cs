using Jar.IdentityServer.Extensions.Rules.Authorization;
using Jar.IdentityServer.Extensions.Rules.RequestObject;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The order of the checks, in one place. Before these: the envelope (repeated parameters, request with
/// request_uri, client_id, size, syntax), then the header (alg, typ, crit), the key and the signature. After
/// them: the replay ledger, last, so that a refused object never burns its <c>jti</c>.
/// </summary>
internal static class JarPipeline
{
    /// <summary>Checks of a request object whose signature has verified, in the order they answer.</summary>
    public static readonly IReadOnlyList<IRequestObjectRule> RequestObjectRules =
    [
        new TypeRule(),
        new ClientIdRule(),
        new IssuerRule(),
        new AudienceRule(),
        new ExpiryRule(),
        new NotBeforeRule(),
        new IssuedAtRule(),
        new JwtIdRule(),
        new ClaimShapeRule(),
        new SubjectRule(),
    ];

    /// <summary>Policy checks of the assembled request; each adds its violations.</summary>
    public static readonly IReadOnlyList<IAuthorizationRequestRule> AuthorizationRequestRules =
    [
        new RequestObjectRequiredRule(),
        new EncryptionRequiredRule(),
        new PushedRequestRequiredRule(),
        new ResponseTypeRule(),
        new RedirectUriRule(),
        new ScopeRequiredRule(),
        new ScopeCeilingRule(),
        new PkceRule(),
        new NonceRule(),
    ];
}
