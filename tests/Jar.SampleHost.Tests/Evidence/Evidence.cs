using System.Text.Json;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Commands;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Tests.Evidence;

/// <summary>What the evidence tests read: the trail's records, the library's re-verification, the host's command.</summary>
public static class Evidence
{
    /// <summary>Every record of the trail whose engine decision holds this request object hash, in chain order.</summary>
    public static async Task<List<JarDecisionRecord>> TrailAsync(SampleHostFactory host, string requestObject)
    {
        var trailId = (await Stores.DecisionsAsync(host, requestObject))[0].TrailId;
        return await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.TrailId == trailId).OrderBy(r => r.Sequence).ToListAsync());
    }

    /// <summary><see cref="IJarAuditTrail.VerifyEvidenceAsync"/> with the host's own client store.</summary>
    public static async Task<JarTrailEvidence> VerifyAsync(SampleHostFactory host, string key)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        return await services.GetRequiredService<IJarAuditTrail>().VerifyEvidenceAsync(key, services.GetRequiredService<IJarClients>(), CancellationToken.None);
    }

    /// <summary>Runs a host command, as <c>dotnet run -- audit ...</c> would, on this host's services.</summary>
    public static async Task<(int Exit, string Text)> RunAsync(SampleHostFactory host, params string[] command)
    {
        _ = host.Server;
        using var output = new StringWriter();
        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>The lines of <c>audit trail</c> that report on kept objects.</summary>
    public static string[] EvidenceLines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("evidence: ", StringComparison.Ordinal))];

    /// <summary>A string claim of a JWT's payload.</summary>
    public static string? Claim(string jwt, string name)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jwt.Split('.')[1]));
        return payload.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }

    /// <summary>A header member of a compact JWS.</summary>
    public static string? Header(string jws, string name)
    {
        using var header = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(jws.Split('.')[0]));
        return header.RootElement.TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
