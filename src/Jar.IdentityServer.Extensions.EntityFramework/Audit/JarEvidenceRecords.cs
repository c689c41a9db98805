namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>How a record says what its kept request object is, when that is not simply the object received.</summary>
internal static class JarEvidenceRecords
{
    /// <summary>
    /// The <see cref="JarDecisionRecord.Detail"/> of a request record whose object arrived encrypted: the object kept is
    /// the signed JWS inside the JWE (the server's decryption keys rotate; the client's signature is the evidence), so
    /// the record's request object hash, of the JWE, is not the kept object's.
    /// </summary>
    public const string KeptAfterDecryption = """{"requestObject":"the signed JWS inside the encrypted object received"}""";
}
