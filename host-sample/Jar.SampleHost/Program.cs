using Jar.SampleHost.Commands;
using Jar.SampleHost.Data;
using Jar.SampleHost.Hosting;

// dotnet run --project host-sample/Jar.SampleHost [-- <command>] [--urls <url>]: serves, or runs one command
// (demo-request, policy) with the same configuration and services.
var (hostArguments, command) = SampleCommandLine.Split(args);
var builder = WebApplication.CreateBuilder(hostArguments);
builder.AddSampleHost(forCommand: command is not null);
var app = builder.Build();
app.UseSampleHost();
if (command is not null)
{
    // The same database set-up as a start of the host, so a command works on a fresh machine too.
    try
    {
        await DatabaseInitializer.InitializeAsync(app.Services, CancellationToken.None).ConfigureAwait(false);
    }
    catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or ArgumentException)
    {
        // An unreachable server, a connection string of another provider, an unknown provider: say which setting to check.
        await Console.Error.WriteLineAsync($"Cannot prepare the database ({e.Message}). Check Database:Provider and ConnectionStrings:Jar.").ConfigureAwait(false);
        return 1;
    }

    return await SampleCommands.RunAsync(app.Services, command, Console.Out, CancellationToken.None).ConfigureAwait(false);
}

await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point, visible to the tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
