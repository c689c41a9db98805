using Jar.IdentityServer.Extensions.RequestObjects;

namespace Jar.IdentityServer.Extensions;

/// <summary>The result of <see cref="VerificationStage"/>: a refusal, or the object's parameters.</summary>
internal readonly record struct VerifiedRequestObject(
    JarViolation? Violation,
    IReadOnlyDictionary<string, string>? Parameters,
    IReadOnlyDictionary<string, ClaimValue>? Claims,
    DateTimeOffset ExpiresAt,
    bool Encrypted)
{
    public VerifiedRequestObject(JarViolation violation)
        : this(violation, null, null, default, false)
    {
    }

    public VerifiedRequestObject(IReadOnlyDictionary<string, ClaimValue> claims, DateTimeOffset expiresAt, bool encrypted)
        : this(null, new RequestObjectParameters((Dictionary<string, ClaimValue>)claims), claims, expiresAt, encrypted)
    {
    }
}
