using Jar.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OpenIddict.Server;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// The sample host in memory (its own SQLite file), with the conformance clients added through configuration, a
/// clock that stands still until a test moves it, and pushed request_uri values that live
/// <see cref="RequestUriLifetime"/> (FAPI 2.0 Security Profile §5.3.2.2-12: under 600 s). One instance serves every
/// conformance test; they run one after another.
/// </summary>
public sealed class ConformanceHost : SampleHostFactory, IAuthorizationServer
{
    /// <summary>How long a pushed request_uri (and a cached authorization request) lives on this host.</summary>
    public static readonly TimeSpan RequestUriLifetime = TimeSpan.FromSeconds(90);

    private HttpClient? _backChannel;
    private Task<PublishedEncryptionKeys>? _encryptionKeys;

    /// <summary>The host's clock (OpenIddict's, the engine's and the host's own), starting at the current second.</summary>
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    public ConformanceClients Clients { get; } = new();

    string IAuthorizationServer.Issuer => Issuer;

    TimeProvider IAuthorizationServer.Time => Clock;

    /// <summary>The clients' back channel (PAR, token, discovery): no cookies, redirects not followed.</summary>
    public HttpClient BackChannel => _backChannel ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>The host's request object encryption keys, read once from its JWKS as a client reads them.</summary>
    public Task<PublishedEncryptionKeys> EncryptionKeysAsync() => _encryptionKeys ??= PublishedEncryptionKeys.FetchAsync(BackChannel);

    /// <summary>A fresh browser whose user signs in and consents when asked.</summary>
    public IUserAgent OpenUserAgent() => new SampleHostUserAgent(CreateBrowser());

    /// <summary>A new attempt of <paramref name="client"/>, starting from R0.</summary>
    public AuthorizationAttempt Attempt(TestClient client, string responseType = "code") => new(this, client, responseType);

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        Clients.Configure(settings);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<OpenIddictServerOptions>(server => server.RequestTokenLifetime = RequestUriLifetime);
        });
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backChannel?.Dispose();
            if (_encryptionKeys is { IsCompletedSuccessfully: true } keys)
            {
                keys.Result.Dispose();
            }

            Clients.Dispose();
        }

        base.Dispose(disposing);
    }
}
