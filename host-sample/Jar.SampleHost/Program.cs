using Jar.SampleHost.Commands;
using Jar.SampleHost.Data;
using Jar.SampleHost.Hosting;

// Jar.SampleHost [<command> ...] [--urls <url>] [--Section:Key <value>] [Key=Value]: serves, or runs one command with
// the same configuration and services (SampleCommands.All). --help prints usage and starts nothing.
var (configuration, commandLine) = SampleCommandLine.Split(args);
var context = new SampleCommandContext(
    async (parse, setup, cancellationToken) =>
    {
        var builder = WebApplication.CreateBuilder(SampleCommandLine.HostArguments(parse, configuration));
        builder.AddSampleHost(forCommand: true);
        var app = builder.Build();
        try
        {
            // As a start of the host would, and only as far as the command needs, so it works on a fresh machine too.
            await DatabaseInitializer.InitializeAsync(app.Services, setup, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
        {
            // An unreachable server, a connection string of another provider, an unknown provider: say which setting to check.
            await Console.Error.WriteLineAsync($"Cannot prepare the database ({e.Message}). Check Database:Provider and ConnectionStrings:Jar.").ConfigureAwait(false);
            return null;
        }

        return app.Services;
    },
    Console.Out);

var root = SampleCommandLine.Create(context, serve: async (parse, _) =>
{
    var builder = WebApplication.CreateBuilder(SampleCommandLine.HostArguments(parse, configuration));
    builder.AddSampleHost(forCommand: false);
    var app = builder.Build();
    app.UseSampleHost();
    await app.RunAsync().ConfigureAwait(false);
    return 0;
});

return await SampleCommandLine.InvokeAsync(root, commandLine, Console.Out, Console.Error, CancellationToken.None).ConfigureAwait(false);

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
