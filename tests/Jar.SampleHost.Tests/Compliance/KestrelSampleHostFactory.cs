using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jar.SampleHost.Tests.Compliance;

/// <summary>The sample host on Kestrel (127.0.0.1, a free port), for a real browser.</summary>
public sealed class KestrelSampleHostFactory : SampleHostFactory
{
    public KestrelSampleHostFactory() => UseKestrel(0);

    /// <summary>The address the host listens on.</summary>
    public Uri Address
    {
        get
        {
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new Uri(address.EndsWith('/') ? address : address + "/");
        }
    }

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        base.AddSettings(settings);
        settings["urls"] = "http://127.0.0.1:0";
    }
}
