using Jar.IdentityServer.Extensions;
using Jar.SampleHost.Clients;
using Jar.SampleHost.Data;
using Jar.SampleHost.Demo;
using Jar.SampleHost.Endpoints;
using Jar.SampleHost.Lint;
using Jar.SampleHost.Hardening;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;

namespace Jar.SampleHost.Hosting;

/// <summary>How the sample host is put together: services, then the request pipeline.</summary>
internal static class SampleHostBuilderExtensions
{
    public static WebApplicationBuilder AddSampleHost(this WebApplicationBuilder builder, bool forCommand)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;
        if (string.IsNullOrEmpty(configuration["urls"]))
        {
            builder.WebHost.UseUrls(SampleHostUrls.Default);
        }

        if (forCommand)
        {
            // A command prints its own output; the host's start-up chatter would bury it.
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        // Jar:Enabled = false serves stock OpenIddict (no AddJarHardening()), the baseline of scripts/load.sh. Read
        // here, at start, since it decides which handlers OpenIddict gets: set it on the command line or environment.
        var jarEnabled = configuration.GetValue(JarStoreRegistration.EnabledKey, defaultValue: true);
        services.AddOptions<ServerSettings>().BindConfiguration(ServerSettings.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ServerSettings>, ServerSettingsValidator>());
        services.AddOptions<DemoUserSettings>().BindConfiguration(DemoUserSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SampleClientsOptions>().BindConfiguration(SampleClientsOptions.Section).ValidateOnStart()
            .PostConfigure<IConfiguration>(static (clients, configuration) => SampleHostUrls.FollowHost(clients, configuration));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SampleClientsOptions>, SampleClientsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        // One DbContext for OpenIddict, the JAR stores and the demo: the configured provider's own subclass (it
        // carries that provider's migrations), registered before AddDbContext so that it is the one resolved.
        // The provider is read when the first context is made, after every configuration source has been added.
        services.AddScoped(provider => DatabaseProvider.CreateContext(
            DatabaseProvider.Name(provider.GetRequiredService<IConfiguration>()),
            provider.GetRequiredService<DbContextOptions<AppDbContext>>()));
        services.AddDbContext<AppDbContext>(
            (provider, options) => DatabaseProvider.Configure(options, provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddSingleton<IDbContextFactory<AppDbContext>, PooledAppDbContexts>();

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetPushedAuthorizationEndpointUris("connect/par")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo")
                    // OpenIddict's defaults, spelled out: clients find the request object encryption keys in the
                    // JWKS (RFC 9101 §6.1, RFC 8414 §2 jwks_uri), so the host depends on both endpoints.
                    .SetConfigurationEndpointUris(".well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                // The hybrid flow serves code id_token, FAPI 1.0 Advanced's response type (§5.2.2-2); each client may
                // use only the response types its JAR policy allows (see ClientSeeder). Discovery keeps only the
                // hybrid types a configured policy allows (HybridFlow below), so it advertises nothing no client may use.
                options.AllowAuthorizationCodeFlow().AllowHybridFlow().AllowRefreshTokenFlow();

                // An accepted authorization request is stored and replaced by a request_uri before the login and
                // consent round trips, so a request object is validated (and its jti consumed) exactly once.
                options.EnableAuthorizationRequestCaching();

                // FAPI 2.0 Security Profile §5.3.2.2-12: a pushed request_uri lives less than 600 s. The same
                // lifetime bounds a cached request, that is the time a user has to sign in and consent.
                // FAPI 2.0 Security Profile §5.3.2.1: authorization codes live 60 seconds at most (lint JARL037).
                options.Configure(server =>
                {
                    server.RequestTokenLifetime = TimeSpan.FromMinutes(5);
                    server.AuthorizationCodeLifetime = TimeSpan.FromSeconds(60);
                });

                // Ephemeral keys: nothing to set up, and tokens from a previous run are refused after a restart. The
                // signing key's algorithm comes from Server:SigningKeyAlgorithm (see SigningKeys below).
                options.AddEphemeralEncryptionKey();

                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough();

                if (jarEnabled)
                {
                    options.AddJarHardening(jar => JarPolicyConfiguration.Apply(jar, configuration));

                    // Refusals that are never redirected get the host's page instead of OpenIddict's plain text.
                    options.AddEventHandler(RefusalHandoff.Descriptor);
                }
            });

        if (!jarEnabled)
        {
            // The engine's services without its OpenIddict handlers: the policy pages and commands still work, and
            // no authorization request reaches the engine.
            services.AddJarEngine(jar => JarPolicyConfiguration.Apply(jar, configuration));
        }

        // The request object decryption keys: configured, or generated once and kept (RequestObjectDecryptionKeys).
        services.AddSingleton(provider => RequestObjectDecryptionKeys.Load(
            configuration,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<ILogger<RequestObjectDecryptionKeys>>()));
        services.AddOptions<JarHardeningOptions>().Configure<RequestObjectDecryptionKeys>(static (jar, keys) => keys.AddTo(jar));

        // Issuer, transport security and scopes come from configuration, read once every source has been added.
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<JarHardeningOptions>>(HybridFlow.KeepOnlyWhatPoliciesAllow);
        services.AddOptions<OpenIddictServerOptions>().Configure<IOptions<ServerSettings>, IOptions<SampleClientsOptions>>((server, settings, clients) =>
        {
            if (settings.Value.Issuer is { } issuer)
            {
                server.Issuer = issuer;
            }

            server.Scopes.UnionWith(clients.Value.Clients.Values.SelectMany(c => c.Scopes));
            server.SigningCredentials.Add(SigningKeys.CreateEphemeral(settings.Value.SigningKeyAlgorithm));
        });
        services.AddOptions<OpenIddictServerAspNetCoreOptions>().Configure<IOptions<ServerSettings>>((aspNetCore, settings) =>
            aspNetCore.DisableTransportSecurityRequirement = settings.Value.DisableTransportSecurityRequirement);

        services.AddSampleJarStores(configuration);

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.LoginPath = "/Account/Login";
                options.LogoutPath = "/Account/Logout";
                options.Cookie.Name = "jar-sample-login";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = TimeSpan.FromHours(1);
                options.SlidingExpiration = false;
            });
        services.AddAuthorization();
        services.AddRazorPages();

        services.AddHttpClient(DemoClients.HttpClientName, (provider, http) => http.BaseAddress = SampleHostUrls.BaseAddress(provider.GetRequiredService<IConfiguration>()));
        services.AddScoped<PendingAuthorizationStore>();
        services.AddScoped<DemoClients>();
        services.AddScoped<ClientSeeder>();
        services.AddSingleton<ConsentTickets>();
        services.AddSingleton<RuleCatalogue>();
        services.AddHostedService<DatabaseInitializer>();

        // The registration lint: the lint command, and Jar:Lint:OnStart once the database is ready (hosted services start in order).
        services.AddOptions<LintSettings>().BindConfiguration(LintSettings.Section).ValidateOnStart();
        services.AddScoped<SampleLint>();
        if (jarEnabled)
        {
            // Stock OpenIddict (Jar:Enabled = false) has no JAR registrations to lint.
            services.AddHostedService<LintGate>();
        }
        services.AddScoped<Compliance.ComplianceReportBuilder>();
        Diagnostics.UnchainedDecisionSink.Register(services, configuration);
        return builder;
    }

    public static WebApplication UseSampleHost(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
        }

        app.UseStaticFiles();
        app.UseRouting();

        // Around OpenIddict (it runs in the authentication middleware) and the authorization endpoint's own step.
        app.UseMiddleware<StoreFailureResponses>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapAuthorizationEndpoint();
        app.MapUserInfoEndpoint();
        app.MapAllocationCounterEndpoint(app.Configuration);
        return app;
    }
}
