namespace Jar.IdentityServer.Extensions;

/// <summary>The result of <see cref="VerificationStage"/>: a refusal, or the object's parameters.</summary>
internal readonly record struct VerifiedRequestObject(JarViolation? Violation, IReadOnlyDictionary<string, string>? Parameters, DateTimeOffset ExpiresAt, bool Encrypted)
{
    public VerifiedRequestObject(JarViolation violation)
        : this(violation, null, default, false)
    {
    }

    public VerifiedRequestObject(IReadOnlyDictionary<string, string> parameters, DateTimeOffset expiresAt, bool encrypted)
        : this(null, parameters, expiresAt, encrypted)
    {
    }
}
