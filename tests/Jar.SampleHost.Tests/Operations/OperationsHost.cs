using Jar.Testing;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// One instance of the sample host in memory on a database the test chooses (<paramref name="database"/> writes
/// <c>Database:Provider</c> and <c>ConnectionStrings:Jar</c>), with the <see cref="OperationsClients"/>. Several
/// instances given the same settings share one database, as a deployment behind a load balancer does. With
/// <paramref name="kestrel"/> it listens on Kestrel at 127.0.0.1 and a free port and is reached over TCP, not in
/// memory.
/// </summary>
public sealed class OperationsHost(OperationsClients clients, Action<Dictionary<string, string?>> database, bool kestrel = false) : SampleHostFactory, IAuthorizationServer
{
    private HttpClient? _backChannel;
    private HttpClient? _frontChannel;
    private Uri? _address;

    public OperationsClients Clients => clients;

    string IAuthorizationServer.Issuer => Issuer;

    public TimeProvider Time => TimeProvider.System;

    /// <summary>The clients' back channel (PAR, token): no cookies, redirects not followed.</summary>
    public HttpClient BackChannel => _backChannel ??= kestrel
        ? OverTcp()
        : CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>On Kestrel, every user agent shares one connection pool and keeps no cookies: it only sends authorization requests.</summary>
    public IUserAgent OpenUserAgent() => kestrel
        ? new RequestOnlyUserAgent(_frontChannel ??= OverTcp())
        : new Conformance.SampleHostUserAgent(CreateBrowser());

    /// <summary>A new attempt of <paramref name="client"/> on this instance, starting from R0.</summary>
    public AuthorizationAttempt Attempt(TestClient client) => new(this, client);

    /// <summary>Starts the instance: its database is migrated and seeded before this returns.</summary>
    public OperationsHost Started()
    {
        if (kestrel)
        {
            UseKestrel(server => server.Listen(IPAddress.Loopback, 0));
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
            _address = new Uri(addresses.Single());
        }
        else
        {
            _ = Server;
        }

        return this;
    }

    private HttpClient OverTcp() => new(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64 })
    {
        BaseAddress = _address ?? throw new InvalidOperationException("The instance has not been started."),
    };

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        database(settings);
        clients.Configure(settings);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _backChannel?.Dispose();
            _frontChannel?.Dispose();
        }

        base.Dispose(disposing);
    }
}
