using Jar.SampleHost.Commands;
using Jar.SampleHost.Data;
using Jar.SampleHost.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;

namespace Jar.SampleHost.Tests;

/// <summary>The settings that decide how the host starts: database provider, transport security, the command line.</summary>
public sealed class ConfigurationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jar-sample-config-").FullName;

    [Fact]
    public void A_relative_sqlite_path_is_taken_from_the_content_root_and_its_folder_is_created()
    {
        var connectionString = DatabaseProvider.SqliteConnectionString(null, _root);

        connectionString.ShouldBe($"Data Source={Path.Combine(_root, "App_Data", "jar-sample.db")}");
        Directory.Exists(Path.Combine(_root, "App_Data")).ShouldBeTrue();
    }

    [Theory]
    [InlineData("Sqlite", null, "Microsoft.EntityFrameworkCore.Sqlite", typeof(SqliteAppDbContext))]
    [InlineData("sqlite", null, "Microsoft.EntityFrameworkCore.Sqlite", typeof(SqliteAppDbContext))]
    [InlineData("PostgreSql", "Host=127.0.0.1;Database=jar", "Npgsql.EntityFrameworkCore.PostgreSQL", typeof(PostgreSqlAppDbContext))]
    [InlineData("SqlServer", "Server=127.0.0.1;Database=jar;TrustServerCertificate=true", "Microsoft.EntityFrameworkCore.SqlServer", typeof(SqlServerAppDbContext))]
    public void Database_provider_picks_the_ef_core_provider_and_the_context_with_its_migrations(string provider, string? connectionString, string expected, Type contextType)
    {
        using var context = DatabaseProvider.CreateContext(DatabaseProvider.Name(Configuration(provider, connectionString)), Options(provider, connectionString));

        context.Database.ProviderName.ShouldBe(expected);
        context.GetType().ShouldBe(contextType);

        // The migrations found are those generated for this provider's context, and they start from Initial.
        context.Database.GetMigrations().ShouldNotBeEmpty();
        context.Database.GetMigrations().First().ShouldEndWith("_Initial");
        var migrations = context.GetService<IMigrationsAssembly>().Migrations;
        migrations.Values.ShouldAllBe(t => t.Namespace == $"Jar.SampleHost.Migrations.{DatabaseProvider.Name(Configuration(provider, connectionString))}");
    }

    [Fact]
    public void An_unknown_database_provider_stops_with_a_message_naming_the_supported_ones()
    {
        var e = Should.Throw<InvalidOperationException>(() => Options("Oracle", "x"));

        e.Message.ShouldBe("Database:Provider 'Oracle' is not supported: use Sqlite, PostgreSql or SqlServer.");
    }

    [Fact]
    public void A_server_database_provider_without_a_connection_string_says_which_setting_to_fill()
    {
        var e = Should.Throw<InvalidOperationException>(() => Options("PostgreSql", null));

        e.Message.ShouldBe("Database:Provider is PostgreSql: set ConnectionStrings:Jar to its connection string.");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080;http://[::1]:5080")]
    public void Plain_http_is_allowed_on_loopback_addresses(string? urls)
    {
        var result = Validate(urls, new ServerSettings { DisableTransportSecurityRequirement = true });

        result.Succeeded.ShouldBeTrue();
    }

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://192.0.2.10:5080")]
    public void Plain_http_beyond_loopback_stops_the_host_with_a_message_naming_the_setting(string urls)
    {
        var result = Validate(urls, new ServerSettings { DisableTransportSecurityRequirement = true });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("Server:DisableTransportSecurityRequirement is for loopback development only");
        result.FailureMessage.ShouldContain(urls);
    }

    [Fact]
    public void Any_address_is_allowed_once_transport_security_is_required()
    {
        Validate("http://0.0.0.0:5080", new ServerSettings()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void Plain_http_with_an_issuer_beyond_loopback_is_refused()
    {
        var result = Validate(null, new ServerSettings { DisableTransportSecurityRequirement = true, Issuer = new Uri("http://auth.example.com/") });

        result.Failed.ShouldBeTrue();
        result.FailureMessage.ShouldContain("but the issuer is 'http://auth.example.com/'");
    }

    [Fact]
    public void The_demo_client_reaches_a_wildcard_listener_on_127_0_0_1()
    {
        SampleHostUrls.BaseAddress(Configuration("http://*:6000;http://localhost:6001")).ShouldBe(new Uri("http://127.0.0.1:6000/"));
        SampleHostUrls.BaseAddress(Configuration(null)).ShouldBe(new Uri("http://127.0.0.1:5080/"));
    }

    [Theory]
    [InlineData(new string[0], new string[0], new string[0])]
    [InlineData(new[] { "--urls", "http://127.0.0.1:6000" }, new string[0], new[] { "--urls", "http://127.0.0.1:6000" })]
    [InlineData(new[] { "demo-request", "fapi2-client", "--urls", "http://127.0.0.1:6000" }, new string[0], new[] { "demo-request", "fapi2-client", "--urls", "http://127.0.0.1:6000" })]
    [InlineData(new[] { "Database:Provider=Sqlite" }, new[] { "Database:Provider=Sqlite" }, new string[0])]
    [InlineData(new[] { "--Database:Provider", "Sqlite", "policy", "show", "strict-client", "--ConnectionStrings:Jar=Data Source=x.db" }, new[] { "--Database:Provider", "Sqlite", "--ConnectionStrings:Jar=Data Source=x.db" }, new[] { "policy", "show", "strict-client" })]
    [InlineData(new[] { "policy", "set", "strict-client", "{\"MaxRequestObjectLifetime\":\"00:10:00\"}", "--RequireJwtId", "true", "--AllowedScopes=openid", "Database:Provider=Sqlite" }, new[] { "Database:Provider=Sqlite" }, new[] { "policy", "set", "strict-client", "{\"MaxRequestObjectLifetime\":\"00:10:00\"}", "--RequireJwtId", "true", "--AllowedScopes=openid" })]
    public void The_command_line_gives_the_configuration_its_overrides_and_the_parser_everything_else(string[] args, string[] configuration, string[] commandLine)
    {
        var (overrides, rest) = SampleCommandLine.Split(args);

        overrides.ShouldBe(configuration);
        rest.ShouldBe(commandLine);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private DbContextOptions<AppDbContext> Options(string provider, string? connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DatabaseProvider.Configure(builder, Configuration(provider, connectionString), _root);
        return builder.Options;
    }

    private static IConfiguration Configuration(string provider, string? connectionString) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:Jar"] = connectionString,
        }).Build();

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? urls, ServerSettings settings) =>
        new ServerSettingsValidator(Configuration(urls)).Validate(null, settings);

    private static IConfiguration Configuration(string? urls) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();
}
