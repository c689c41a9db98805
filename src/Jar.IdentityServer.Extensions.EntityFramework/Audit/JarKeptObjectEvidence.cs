namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>One kept request object of a trail, re-verified.</summary>
/// <param name="RecordId">The record that keeps it.</param>
/// <param name="Report">What re-verifying it found.</param>
public sealed record JarKeptObjectEvidence(long RecordId, JarEvidenceReport Report);
