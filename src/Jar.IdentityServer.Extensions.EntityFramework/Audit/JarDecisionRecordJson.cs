using System.Globalization;
using System.Text.Json.Nodes;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>The export form of a record: one JSON object (a line of <c>audit export</c>), field names as in docs/audit.md.</summary>
public static class JarDecisionRecordJson
{
    /// <summary>The record as one line of JSON.</summary>
    public static string Write(JarDecisionRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new JsonObject
        {
            ["id"] = record.Id,
            ["sequence"] = record.Sequence,
            ["trailId"] = record.TrailId,
            ["decidedAt"] = record.DecidedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
            ["clientId"] = record.ClientId,
            ["endpoint"] = record.Endpoint.ToString(),
            ["step"] = record.Step.ToString(),
            ["outcome"] = record.Outcome.ToString(),
            ["ruleIds"] = new JsonArray([.. Split(record.RuleIds).Select(id => (JsonNode)id)]),
            ["profile"] = record.Profile,
            ["requestObjectHash"] = record.RequestObjectHash,
            ["intentHash"] = record.IntentHash,
            ["jwtId"] = record.JwtId,
            ["keyId"] = record.KeyId,
            ["algorithm"] = record.Algorithm,
            ["subject"] = record.Subject,
            ["scopes"] = record.Scopes,
            ["tokenIds"] = new JsonArray([.. Split(record.TokenIds).Select(id => (JsonNode)id)]),
            ["reason"] = record.Reason,
            ["detail"] = record.Detail,
            ["requestObject"] = record.RequestObject,
            ["previousHash"] = record.PreviousHash,
            ["hash"] = record.Hash,
        }.ToJsonString();
    }

    private static string[] Split(string? list) => string.IsNullOrEmpty(list) ? [] : list.Split(',');
}
