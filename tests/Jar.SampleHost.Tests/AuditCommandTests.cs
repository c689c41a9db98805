using System.Text.Json;
using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Commands;
using Microsoft.EntityFrameworkCore;

namespace Jar.SampleHost.Tests;

/// <summary>The sample host's <c>audit</c> commands over a real flow's trail, on a host of their own.</summary>
public sealed class AuditCommandTests(SampleHostFactory host) : IClassFixture<SampleHostFactory>
{
    [Fact]
    public async Task Audit_commands_verify_export_trace_checkpoint_and_prune_the_chain()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);

        var (exit, text) = await RunAsync("audit", "verify");
        exit.ShouldBe(0, text);
        text.ShouldStartWith("intact: ");
        text.ShouldContain("no checkpoint yet");

        (exit, text) = await RunAsync("audit", "checkpoint");
        exit.ShouldBe(0, text);
        text.ShouldStartWith("checkpoint: position ");
        File.ReadAllLines(host.CheckpointFile).ShouldHaveSingleItem().Split('.').Length.ShouldBe(3);
        File.ReadAllText(host.CheckpointKeyFile).ShouldContain("\"d\":");

        (exit, text) = await RunAsync("audit", "verify");
        exit.ShouldBe(0, text);
        text.ShouldContain("checked against the checkpoint of position");

        // One authorization's trail, found by its request object's hash; every line is one record.
        (exit, text) = await RunAsync("audit", "trail", Stores.Sha256Hex(request.RequestObject!));
        exit.ShouldBe(0, text);
        var trail = Lines(text);

        // Jar:Audit:KeepRequestObjects is off by default: no record keeps the object, and the trail says so.
        (await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().CountAsync(r => r.RequestObject != null))).ShouldBe(0);
        text.TrimEnd().Split('\n')[^1].ShouldBe("evidence: no request object kept for this trail (Jar:Audit:KeepRequestObjects was off, or the request had no object)");
        trail.Select(r => r.GetProperty("step").GetString()).ShouldBe(["Request", "Request", "Request", "Request", "Consent", "CodeIssued", "TokenRedemption"]);
        trail.Select(r => r.GetProperty("trailId").GetString()).Distinct().ShouldHaveSingleItem();
        trail[^1].GetProperty("tokenIds").GetArrayLength().ShouldBe(2); // access and identity token: strict-client gets no refresh token

        (exit, text) = await RunAsync("audit", "export", "--client", "strict-client");
        exit.ShouldBe(0, text);
        var exported = Lines(text);
        exported.Count.ShouldBe(trail.Count);
        foreach (var field in (string[])["id", "trailId", "decidedAt", "clientId", "endpoint", "step", "outcome", "ruleIds", "requestObjectHash", "intentHash", "subject", "tokenIds", "previousHash", "hash"])
        {
            exported.Count(r => r.TryGetProperty(field, out var _)).ShouldBe(exported.Count, field);
        }

        // Every record is older than zero: all go, after a prune checkpoint, so the (empty) rest verifies.
        (exit, text) = await RunAsync("audit", "prune", "--older-than", "00:00:00");
        exit.ShouldBe(0, text);
        text.ShouldStartWith("pruned ");
        (await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().CountAsync(r => r.Sequence != null))).ShouldBe(0);
        File.ReadAllLines(host.CheckpointFile).Length.ShouldBe(2);
        (exit, text) = await RunAsync("audit", "verify");
        exit.ShouldBe(0, text);

        // After the prune, the chain resumes from the pruned head and still verifies; a deleted record is named.
        await AuthorizationFlow.CompleteAsync(host, await AuthorizationFlow.StartAsync(host, "strict-client"), expectedScopes: ["openid", "profile"]);
        (exit, text) = await RunAsync("audit", "verify");
        exit.ShouldBe(0, text);
        var ids = await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Sequence != null).OrderBy(r => r.Sequence).Select(r => r.Id).ToListAsync());
        await Stores.QueryAsync(host, db => db.Set<JarDecisionRecord>().Where(r => r.Id == ids[1]).ExecuteDeleteAsync());
        (exit, text) = await RunAsync("audit", "verify");
        exit.ShouldBe(1);
        text.ShouldStartWith($"broken: missing at record {ids[2]}, ");
    }

    private async Task<(int Exit, string Text)> RunAsync(params string[] command)
    {
        _ = host.Server;
        using var output = new StringWriter();
        var exit = await SampleCommands.RunAsync(host.Services, command, output, CancellationToken.None);
        return (exit, output.ToString());
    }

    private static List<JsonElement> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
}
