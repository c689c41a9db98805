using Jar.SampleHost.Demo;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>
/// The sample host in memory, on its own SQLite file in a temporary folder (one per test class). The demo client's
/// back channel (discovery, PAR, token) goes to the same in-memory server.
/// </summary>
public class SampleHostFactory : WebApplicationFactory<Program>
{
    private string? _directory;

    /// <summary>The issuer the host answers with: the base URL of the in-memory server.</summary>
    public static string Issuer => "http://localhost/";

    /// <summary>Where this host keeps the request object decryption keys it generates on its first start.</summary>
    public string GeneratedDecryptionKeysFile => Path.Combine(_directory ?? throw new InvalidOperationException("The host has not been configured yet."), "App_Data", "request-object-decryption.jwks.json");

    /// <summary>Where this host keeps its checkpoint signing key (outside its database).</summary>
    public string CheckpointKeyFile => Path.Combine(_directory ?? throw new InvalidOperationException("The host has not been configured yet."), "checkpoint.key.json");

    /// <summary>Where this host appends its signed checkpoints.</summary>
    public string CheckpointFile => Path.Combine(_directory ?? throw new InvalidOperationException("The host has not been configured yet."), "checkpoints.jwsl");

    /// <summary>A browser: cookies kept, redirects not followed, so each step can be checked.</summary>
    public Browser CreateBrowser() =>
        new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Configuration on top of appsettings.json: the database (SQLite in this host's folder), and whatever a test class adds.</summary>
    protected virtual void AddSettings(Dictionary<string, string?> settings)
    {
        settings["Database:Provider"] = "Sqlite";
        settings["ConnectionStrings:Jar"] = $"Data Source={Path.Combine(_directory!, "jar-sample.db")};Pooling=False";
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _directory ??= Directory.CreateTempSubdirectory("jar-sample-host-").FullName;

        // Whatever the database, the keys the host generates on its first start stay in this host's folder, never in
        // the project's App_Data.
        var settings = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["Jar:GeneratedDecryptionKeysFile"] = GeneratedDecryptionKeysFile,
            ["Jar:Audit:CheckpointKeyFile"] = CheckpointKeyFile,
            ["Jar:Audit:CheckpointFile"] = CheckpointFile,
        };
        AddSettings(settings);
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        builder.ConfigureTestServices(services => ConfigureBackChannel(services.AddHttpClient(DemoClients.HttpClientName)));
    }

    /// <summary>How the demo client reaches this host: the in-memory server.</summary>
    protected virtual void ConfigureBackChannel(IHttpClientBuilder client) => client
        .ConfigureHttpClient(http => http.BaseAddress = Server.BaseAddress)
        .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _directory is not null && Directory.Exists(_directory))
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
