using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

/// <summary>
/// A stock OpenIddict 7.8.0 server with <c>AddJarHardening()</c>, on Kestrel at http://127.0.0.1 on a port the OS
/// picks, with EF Core stores on a SQLite file. Issuer = the bound base URL. One instance serves every test.
/// </summary>
public sealed class OpenIddictHostFixture : IAuthorizationServer, IAsyncLifetime, IDisposable
{
    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"jar-openiddict-tests-{Guid.NewGuid():N}.db");
    private WebApplication? _app;
    private HttpClient? _http;

    /// <summary>
    /// The host's clock (OpenIddict's and the engine's). It starts at the current second and stands still: request
    /// objects and assertions are dated from it, so no test depends on how long the run takes.
    /// </summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    TimeProvider IAuthorizationServer.Time => Time;

    /// <summary>The issuer identifier as discovery advertises it: <c>http://127.0.0.1:PORT/</c>.</summary>
    public string Issuer { get; private set; } = string.Empty;

    internal TestClients Clients { get; } = new();

    /// <summary>The host's services, for tests that read what the host reads (the lint's input).</summary>
    internal IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host has not started.");

    /// <summary>The server's request object decryption keys (RFC 9101 §6.1).</summary>
    internal ServerEncryptionKeys EncryptionKeys { get; } = new();

    /// <summary>A client that never follows redirects, so every Location header is seen.</summary>
    internal HttpClient Http => _http ?? throw new InvalidOperationException("The host has not started.");

    HttpClient IAuthorizationServer.BackChannel => Http;

    internal AuthorizationAttempt Flow(TestClient client) => new(this, client);

    /// <summary>The test user is granted at once (<see cref="TestUserAuthorizationEndpoint"/>): there is nothing to sign in to.</summary>
    public IUserAgent OpenUserAgent() => new DirectUserAgent(Http);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

        builder.Services.AddSingleton<TimeProvider>(Time);
        builder.Services.AddDbContext<JarTestDbContext>(options =>
        {
            options.UseSqlite($"Data Source={_databasePath};Pooling=False");
            options.UseOpenIddict();
        });

        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<JarTestDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetPushedAuthorizationEndpointUris("connect/par")
                    .SetTokenEndpointUris("connect/token")
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                options.AllowAuthorizationCodeFlow();
                // email is known to the server and permitted to no client: OpenIddict's own permission check refuses it.
                options.RegisterScopes(OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile, ClientRegistrations.AccountsScope, OpenIddictConstants.Scopes.Email);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .DisableTransportSecurityRequirement(); // plain http, on loopback only
                options.AddJarHardening(jar =>
                {
                    ClientRegistrations.AddPolicies(Clients, jar);
                    jar.RequestObjectDecryptionKeys.Add(EncryptionKeys.RsaJwk());
                    jar.RequestObjectDecryptionKeys.Add(EncryptionKeys.EcJwk());
                });
            });

        // The port is known only once Kestrel has bound it; OpenIddict reads its options at the first request.
        builder.Services.AddOptions<OpenIddictServerOptions>()
            .Configure<IServer>((options, server) => options.Issuer = new Uri(BoundAddress(server)));

        var app = builder.Build();
        app.UseRouting();
        app.UseAuthentication();
        app.MapTestUserAuthorizationEndpoint();
        _app = app;

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<JarTestDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            foreach (var client in Clients.All)
            {
                await applications.CreateAsync(ClientRegistrations.Describe(Clients, client));
            }
        }

        await app.StartAsync();
        Issuer = BoundAddress(app.Services.GetRequiredService<IServer>());
        _http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(Issuer) };
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }

        File.Delete(_databasePath);
    }

    public void Dispose()
    {
        _http?.Dispose();
        Clients.Dispose();
        EncryptionKeys.Dispose();
    }

    private static string BoundAddress(IServer server)
    {
        var address = server.Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        if (address.EndsWith(":0", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("The issuer was read before Kestrel bound its port.");
        }

        return new Uri(address).AbsoluteUri;
    }
}
