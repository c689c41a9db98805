using Jar.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>
/// One instance of the sample host in memory on a database the test chooses (<paramref name="database"/> writes
/// <c>Database:Provider</c> and <c>ConnectionStrings:Jar</c>), with the <see cref="OperationsClients"/>. Several
/// instances given the same settings share one database, as a deployment behind a load balancer does.
/// </summary>
public sealed class OperationsHost(OperationsClients clients, Action<Dictionary<string, string?>> database) : SampleHostFactory, IAuthorizationServer
{
    private HttpClient? _backChannel;

    public OperationsClients Clients => clients;

    string IAuthorizationServer.Issuer => Issuer;

    public TimeProvider Time => TimeProvider.System;

    /// <summary>The clients' back channel (PAR, token): no cookies, redirects not followed.</summary>
    public HttpClient BackChannel => _backChannel ??= CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public IUserAgent OpenUserAgent() => new Conformance.SampleHostUserAgent(CreateBrowser());

    /// <summary>A new attempt of <paramref name="client"/> on this instance, starting from R0.</summary>
    public AuthorizationAttempt Attempt(TestClient client) => new(this, client);

    /// <summary>Starts the instance: its database is migrated and seeded before this returns.</summary>
    public OperationsHost Started()
    {
        _ = Server;
        return this;
    }

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
        }

        base.Dispose(disposing);
    }
}
