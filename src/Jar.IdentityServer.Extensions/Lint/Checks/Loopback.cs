using System.Net;

namespace Jar.IdentityServer.Extensions.Lint.Checks;

/// <summary>Loopback hosts (RFC 8252 §7.3: 127.0.0.1 and [::1]; RFC 6761 §6.3: localhost).</summary>
internal static class Loopback
{
    public static bool IsLoopbackIp(string host) =>
        IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);

    public static bool IsLocalhostName(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    public static bool IsLoopback(string host) => IsLoopbackIp(host) || IsLocalhostName(host);
}
