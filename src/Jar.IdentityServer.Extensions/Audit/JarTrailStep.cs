namespace Jar.IdentityServer.Extensions;

/// <summary>The step of an authorization a trail record stands for.</summary>
public enum JarTrailStep
{
    /// <summary>A request decided at the PAR or authorization endpoint (every hop, including after login).</summary>
    Request,

    /// <summary>The user's consent: granted, or denied (outcome Refused).</summary>
    Consent,

    /// <summary>The authorization code issued (its token id).</summary>
    CodeIssued,

    /// <summary>A redemption at the token endpoint: the tokens issued, or the refusal.</summary>
    TokenRedemption,

    /// <summary>An administrative event, not part of any authorization (actor, reason, before and after).</summary>
    Administrative,
}
