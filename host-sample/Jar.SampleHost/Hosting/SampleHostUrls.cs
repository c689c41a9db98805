namespace Jar.SampleHost.Hosting;

/// <summary>Where the host listens, and where the demo client finds it.</summary>
public static class SampleHostUrls
{
    /// <summary>The address the host listens on when neither <c>--urls</c> nor <c>ASPNETCORE_URLS</c> says otherwise.</summary>
    public const string Default = "http://127.0.0.1:5080";

    /// <summary>The configured listening URLs (<c>urls</c>), or the default.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["urls"] is { Length: > 0 } configured ? configured : Default;
        return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The base address of the running host as a client on this machine reaches it: the first listening URL, a wildcard host read as 127.0.0.1.</summary>
    public static Uri BaseAddress(IConfiguration configuration)
    {
        var url = Configured(configuration)[0];
        foreach (var wildcard in (string[])["://*", "://+", "://0.0.0.0", "://[::]"])
        {
            url = url.Replace(wildcard, "://127.0.0.1", StringComparison.Ordinal);
        }

        return new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute);
    }

    /// <summary>
    /// The demo redirect URIs on the default address (<c>http://127.0.0.1:5080/…</c>, as appsettings.json has them)
    /// follow the host's actual address, so a host started with <c>--urls http://127.0.0.1:5090</c> registers, and
    /// its demo clients send, <c>http://127.0.0.1:5090/callback</c>; the browser comes back to this host after consent.
    /// </summary>
    public static void FollowHost(Clients.SampleClientsOptions clients, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var address = BaseAddress(configuration);
        var actual = address.AbsoluteUri;
        var configured = Default + "/";

        // Port 0 asks for any free port (a test host): there is no address yet for a browser to come back to.
        if (actual == configured || address.Port == 0)
        {
            return;
        }

        foreach (var settings in clients.Clients.Values)
        {
            for (var i = 0; i < settings.RedirectUris.Count; i++)
            {
                if (settings.RedirectUris[i].StartsWith(configured, StringComparison.Ordinal))
                {
                    settings.RedirectUris[i] = actual + settings.RedirectUris[i][configured.Length..];
                }
            }
        }
    }
}
