using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The chain's arithmetic: a record's canonical form (RFC 8785 over every field but its id and hash) and its hash,
/// SHA-256 over the UTF-8 of <c>previousHash</c> followed by that canonical form, in unpadded base64url.
/// </summary>
internal static class DecisionChain
{
    /// <summary>Times are kept to the microsecond: the finest every provider stores, so a record hashes the same after its round trip.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    public static string Canonical(JarDecisionRecord record)
    {
        var members = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["sequence"] = record.Sequence,
            ["trailId"] = record.TrailId,
            ["decidedAt"] = record.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["clientId"] = record.ClientId,
            ["endpoint"] = record.Endpoint.ToString(),
            ["step"] = record.Step.ToString(),
            ["outcome"] = record.Outcome.ToString(),
            ["ruleIds"] = record.RuleIds,
            ["profile"] = record.Profile,
            ["requestObjectHash"] = record.RequestObjectHash,
            ["intentHash"] = record.IntentHash,
            ["jwtId"] = record.JwtId,
            ["keyId"] = record.KeyId,
            ["algorithm"] = record.Algorithm,
            ["subject"] = record.Subject,
            ["scopes"] = record.Scopes,
            ["tokenIds"] = record.TokenIds,
            ["reason"] = record.Reason,
            ["detail"] = record.Detail,
            ["requestObject"] = record.RequestObject,
            ["previousHash"] = record.PreviousHash,
        };
        return JsonCanonicalization.Canonicalize(JsonSerializer.Serialize(members));
    }

    public static string Hash(JarDecisionRecord record) =>
        Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes((record.PreviousHash ?? string.Empty) + Canonical(record))));
}
