using System.CommandLine;
using Jar.SampleHost.Data;
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
    public static Command Create(SampleCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var client = new Argument<string>("client") { Description = "A configured client id whose policy does not require PAR." };
        var count = new Argument<int>("count") { Description = "How many distinct requests to write (at least 1)." };
        count.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("count: give a positive number.");
            }
        });
        var file = new Argument<FileInfo>("file") { Description = "Where to write them, one path and query a line (for scripts/load.sh)." };
        var command = new Command("load-urls", "Writes <count> distinct authorization requests of a demo client to <file>: by value with a fresh jti when the client signs, else query parameters.")
        {
            client,
            count,
            file,
        };
        command.SetAction((parse, cancellationToken) => context.RunAsync(
            parse,
            DatabaseSetup.Schema,
            (services, output, token) => RunAsync(services, parse.GetRequiredValue(client), parse.GetValue(count), parse.GetRequiredValue(file), output, token),
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string clientId, int count, FileInfo file, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(output);
        try
        {
            var client = await services.GetRequiredService<DemoClients>().CreateAsync(clientId, cancellationToken).ConfigureAwait(false);
            if (client.Policy.RequirePushedAuthorizationRequests)
            {
                await output.WriteLineAsync($"load-urls sends requests by value, and {client.ClientId}'s policy requires PAR.").ConfigureAwait(false);
                return 1;
            }

            var requests = await client.LoadRequestsAsync(count, cancellationToken).ConfigureAwait(false);
            await File.WriteAllLinesAsync(file.FullName, requests, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"{count} requests of {client.ClientId} ({client.DefaultDelivery}) written to {file.FullName}.").ConfigureAwait(false);
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
