using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests;

/// <summary>The sample host on a real socket (Kestrel, a free port on 127.0.0.1), for a real browser.</summary>
public sealed class KestrelSampleHostFactory : SampleHostFactory
{
    public KestrelSampleHostFactory()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    /// <summary>The address the host listens on (<c>http://127.0.0.1:port/</c>); starts it on first use.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void ConfigureBackChannel(IHttpClientBuilder client) =>
        client.ConfigureHttpClient(http => http.BaseAddress = Address);
}
