using System.CommandLine;
using Jar.SampleHost.Data;

namespace Jar.SampleHost.Commands;

/// <summary>
/// What a command runs against: the host's services, made when the command runs (never for <c>--help</c> or a
/// command line that does not parse) with the database set up as far as the command needs, and the output.
/// </summary>
/// <param name="host">The host's services for a parse result, with the database set up as asked; <see langword="null"/> when the database cannot be prepared (the reason is written already).</param>
/// <param name="output">Where a command writes.</param>
internal sealed class SampleCommandContext(Func<ParseResult, DatabaseSetup, CancellationToken, Task<IServiceProvider?>> host, TextWriter output)
{
    /// <summary>Where a command writes.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>
    /// Runs <paramref name="command"/> in a service scope of the host; a <see cref="CommandUsageException"/> prints its
    /// message and the command's usage, exit code 2.
    /// </summary>
    public async Task<int> RunAsync(ParseResult parse, DatabaseSetup setup, Func<IServiceProvider, TextWriter, CancellationToken, Task<int>> command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(command);
        var services = await host(parse, setup, cancellationToken).ConfigureAwait(false);
        if (services is null)
        {
            return 1;
        }

        await using var scope = services.CreateAsyncScope();
        try
        {
            return await command(scope.ServiceProvider, Output, cancellationToken).ConfigureAwait(false);
        }
        catch (CommandUsageException e)
        {
            await Output.WriteLineAsync(e.Message).ConfigureAwait(false);
            await Output.WriteLineAsync().ConfigureAwait(false);
            SampleCommandLine.WriteUsage(parse, Output);
            return SampleCommandLine.UsageExitCode;
        }
    }
}
