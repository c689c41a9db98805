using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Jar.SampleClient;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.IdentityServer.Extensions.Client.Tests;

/// <summary>
/// The two-app run of the README on Kestrel, 127.0.0.1: the sample host, and the sample client registered there
/// with its redirect URI on the port it got. The client's back channel records what it pushes.
/// </summary>
public sealed class TwoApps : IDisposable
{
    public TwoApps()
    {
        ClientPort = FreePort();
        HostPort = FreePort();
        Host = new KestrelSampleHost(HostPort, ClientPort);
        Client = new SampleClientFactory(ClientPort, HostPort, Pushed);
        Host.StartServer();
        Client.StartServer();
    }

    public int HostPort { get; }

    public int ClientPort { get; }

    public SampleHost Host { get; }

    public WebApplicationFactory<SampleClientApp> Client { get; }

    /// <summary>The <c>request</c> of every form the client posted to the PAR endpoint.</summary>
    public ConcurrentQueue<string> Pushed { get; } = new();

    public Uri ClientUrl => new($"http://127.0.0.1:{ClientPort}/");

    public Uri HostUrl => new($"http://127.0.0.1:{HostPort}/");

    public void Dispose()
    {
        Client.Dispose();
        Host.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class KestrelSampleHost : SampleHost
    {
        private readonly int _clientPort;

        public KestrelSampleHost(int port, int clientPort)
        {
            _clientPort = clientPort;
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }

        public override string Issuer => throw new NotSupportedException("Read it from the host's URL.");

        protected override void AddSettings(Dictionary<string, string?> settings) =>
            settings["Jar:Clients:sample-client:RedirectUris:0"] = $"http://127.0.0.1:{_clientPort}/signin-oidc";
    }

    private sealed class SampleClientFactory : WebApplicationFactory<SampleClientApp>
    {
        private readonly int _hostPort;
        private readonly ConcurrentQueue<string> _pushed;

        public SampleClientFactory(int port, int hostPort, ConcurrentQueue<string> pushed)
        {
            _hostPort = hostPort;
            _pushed = pushed;
            UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            // UseSetting, not ConfigureAppConfiguration: the app reads its settings before it builds the host.
            builder.UseSetting("SampleClient:Authority", $"http://127.0.0.1:{_hostPort}/");
            builder.ConfigureTestServices(services => services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                options.Backchannel = new HttpClient(new RecordingHandler(_pushed) { InnerHandler = new SocketsHttpHandler() })));
        }
    }

    private sealed class RecordingHandler(ConcurrentQueue<string> pushed) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri!.AbsolutePath == "/connect/par" && request.Content is { } content)
            {
                var form = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(await content.ReadAsStringAsync(cancellationToken));
                pushed.Enqueue(form["request"].ToString());
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }
}
