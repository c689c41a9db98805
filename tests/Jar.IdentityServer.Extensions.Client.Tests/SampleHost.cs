using Jar.IdentityServer.Extensions.EntityFramework;
using Jar.SampleHost.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>
/// The sample authorization server in memory (its real pipeline, SQLite in a temporary folder), reached by the
/// client library over an <see cref="HttpClient"/> on the in-memory server: the issuer is <c>http://localhost/</c>.
/// </summary>
public class SampleHost : WebApplicationFactory<Program>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jar-client-tests-").FullName;

    /// <summary>The issuer the host answers with.</summary>
    public virtual string Issuer => "http://localhost/";

    /// <summary>The back channel: no cookies, redirects not followed.</summary>
    public HttpClient BackChannel() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>
    /// The engine's decisions on the request object <paramref name="requestObject"/> (by its SHA-256), newest first:
    /// the first record of each trail that holds the hash (the later records of an accepted request's trail, such as
    /// the hop back to the authorization endpoint, carry it too).
    /// </summary>
    public async Task<JarDecisionRecord[]> DecisionsForAsync(string requestObject)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestObject)));
        await using var scope = Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var records = await database.Set<JarDecisionRecord>().Where(r => r.RequestObjectHash == hash).ToListAsync();
        return [.. records.GroupBy(r => r.TrailId).Select(trail => trail.MinBy(r => r.Id)!).OrderByDescending(r => r.Id)];
    }

    /// <summary>Every decision record, newest first.</summary>
    public async Task<JarDecisionRecord[]> DecisionsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await database.Set<JarDecisionRecord>().OrderByDescending(r => r.Id).ToArrayAsync();
    }

    /// <summary>Configuration on top of the host's appsettings.json.</summary>
    protected virtual void AddSettings(Dictionary<string, string?> settings)
    {
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Jar"] = $"Data Source={Path.Combine(_directory, "jar-sample.db")};Pooling=False",
            ["Jar:GeneratedDecryptionKeysFile"] = Path.Combine(_directory, "request-object-decryption.jwks.json"),
        };
        AddSettings(settings);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(_directory))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
