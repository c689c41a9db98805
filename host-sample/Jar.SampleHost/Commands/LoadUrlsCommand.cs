using System.Globalization;
using Jar.SampleHost.Demo;
using Jar.SampleHost.Hosting;

namespace Jar.SampleHost.Commands;

/// <summary>
/// <c>load-urls &lt;client&gt; &lt;count&gt; &lt;file&gt;</c>: writes <c>count</c> distinct authorization requests of
/// a demo client to <c>file</c>, one path and query a line, for a load generator to send to the running host
/// (scripts/load.sh). A client that signs sends each request object by value with a fresh <c>jti</c>, so the replay
/// ledger takes one INSERT per request as it does in production; a public client sends query parameters.
/// </summary>
internal static class LoadUrlsCommand
{
    public const string Name = "load-urls";

    public static async Task<int> RunAsync(IServiceProvider services, string[] arguments, TextWriter output, CancellationToken cancellationToken)
    {
        arguments = arguments.TakeWhile(a => !SampleCommandLine.IsOption(a)).ToArray();
        if (arguments.Length != 3 || !int.TryParse(arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            return await SampleCommands.UsageErrorAsync(output, "load-urls: expected a client id, a positive count and a file.").ConfigureAwait(false);
        }

        try
        {
            var client = await services.GetRequiredService<DemoClients>().CreateAsync(arguments[0], cancellationToken).ConfigureAwait(false);
            if (client.Policy.RequirePushedAuthorizationRequests)
            {
                await output.WriteLineAsync($"load-urls sends requests by value, and {client.ClientId}'s policy requires PAR.").ConfigureAwait(false);
                return 1;
            }

            var requests = await client.LoadRequestsAsync(count, cancellationToken).ConfigureAwait(false);
            await File.WriteAllLinesAsync(arguments[2], requests, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{count} requests of {client.ClientId} ({client.DefaultDelivery}) written to {arguments[2]}.").ConfigureAwait(false);
            return 0;
        }
        catch (HttpRequestException e)
        {
            var baseAddress = SampleHostUrls.BaseAddress(services.GetRequiredService<IConfiguration>());
            await output.WriteLineAsync($"Cannot reach the host at {baseAddress} ({e.Message}). Start it first, with the same --urls.").ConfigureAwait(false);
            return 1;
        }
        catch (DemoClientException e)
        {
            await output.WriteLineAsync(e.Message).ConfigureAwait(false);
            return 1;
        }
    }
}
