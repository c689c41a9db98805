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
}
