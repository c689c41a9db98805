using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests;

/// <summary>What the host's JAR stores hold, read straight from its database.</summary>
public static class Stores
{
    /// <summary>Lower-case hex SHA-256 of the request object's exact characters, computed here and not by the engine.</summary>
    public static string Sha256Hex(string requestObject) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(requestObject)));

    /// <summary>A claim of a compact JWS, read from its payload.</summary>
    public static string Claim(string requestObject, string name)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(requestObject.Split('.')[1]));
        return payload.RootElement.GetProperty(name).GetString()!;
    }

    /// <summary>A numeric claim of a compact JWS (exp, nbf, iat), as its JSON text.</summary>
    public static string NumericClaim(string requestObject, string name)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(requestObject.Split('.')[1]));
        return payload.RootElement.GetProperty(name).GetRawText();
    }

    /// <summary>
    /// The engine's decisions on the request object with this hash, oldest first: the first record of each trail that
    /// holds the hash (the later records of an accepted request's trail carry it too).
    /// </summary>
    public static async Task<List<JarDecisionRecord>> DecisionsAsync(SampleHostFactory host, string requestObject)
    {
        var records = await QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.RequestObjectHash == Sha256Hex(requestObject)).OrderBy(r => r.Id).ToListAsync());
        return EngineDecisions(records);
    }

    /// <summary>The first record of each trail among <paramref name="records"/>: the engine's decision that opened it.</summary>
    public static List<JarDecisionRecord> EngineDecisions(IEnumerable<JarDecisionRecord> records) =>
        [.. records.GroupBy(r => r.TrailId).Select(trail => trail.MinBy(r => r.Id)!).OrderBy(r => r.Id)];

    /// <summary>Whether the replay ledger holds this client's jti.</summary>
    public static Task<bool> ReplayEntryExistsAsync(SampleHostFactory host, string clientId, string jwtId) =>
        QueryAsync(host, db => db.Set<JarReplayEntry>().AnyAsync(e => e.ClientId == clientId && e.JwtId == jwtId));

    /// <summary>The client's row in the policy table, as stored.</summary>
    public static Task<JarClientPolicy?> PolicyRowAsync(SampleHostFactory host, string clientId) =>
        QueryAsync(host, db => db.Set<JarClientPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.ClientId == clientId));

    public static async Task<T> QueryAsync<T>(SampleHostFactory host, Func<AppDbContext, Task<T>> query)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(query);
        await using var scope = host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
