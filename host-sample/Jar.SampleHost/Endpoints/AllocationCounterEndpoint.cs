using System.Globalization;
using System.Net;

namespace Jar.SampleHost.Endpoints;

/// <summary>
/// <c>GET /diagnostics/allocated</c>: the bytes this process has allocated on the managed heap since it started
/// (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise), as plain text. scripts/load.sh reads it before and after
/// a measured run to report allocations per request. Off unless <c>Diagnostics:AllocationCounter</c> is true, and
/// answered only to a loopback caller: it tells nothing secret, but it is for measurement, not for production.
/// </summary>
internal static class AllocationCounterEndpoint
{
    public const string SettingKey = "Diagnostics:AllocationCounter";

    public static IEndpointRouteBuilder MapAllocationCounterEndpoint(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (configuration.GetValue(SettingKey, defaultValue: false))
        {
            endpoints.MapGet("/diagnostics/allocated", static (HttpContext http) =>
                http.Connection.RemoteIpAddress is { } caller && IPAddress.IsLoopback(caller)
                    ? Results.Text(GC.GetTotalAllocatedBytes(precise: true).ToString(CultureInfo.InvariantCulture))
                    : Results.NotFound());
        }

        return endpoints;
    }
}
