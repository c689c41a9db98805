namespace Jar.IdentityServer.Extensions;

/// <summary>The outcome of one decision.</summary>
public enum JarOutcome
{
    /// <summary>Every rule passed.</summary>
    Accepted,

    /// <summary>A rule refused the request.</summary>
    Refused,

    /// <summary>Policy rules were violated under a report-only policy; the request went through.</summary>
    ReportOnly,
}
