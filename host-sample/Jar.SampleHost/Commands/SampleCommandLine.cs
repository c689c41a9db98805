using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Jar.SampleHost.Commands;

/// <summary>
/// The host's command line, parsed by System.CommandLine: no command serves, a command (<see cref="SampleCommands.All"/>)
/// runs once against the host's configuration and services. <c>--help</c> anywhere prints usage and starts nothing;
/// an unknown command or option is an error with exit code 2.
/// </summary>
/// <remarks>
/// Configuration overrides are not options of any command, so they are taken off the command line before it is
/// parsed (<see cref="Split"/>) and handed to the host as <c>WebApplication.CreateBuilder</c> reads them:
/// <c>--Section:Key value</c>, <c>--Section:Key=value</c> and <c>Key=Value</c>. The host's own switches
/// (<c>--urls</c>, <c>--environment</c>) are declared options, valid before or after any command.
/// </remarks>
internal static class SampleCommandLine
{
    /// <summary>The exit code of a command line that does not parse, or names what does not exist (as sysexits' EX_USAGE family and most CLIs).</summary>
    public const int UsageExitCode = 2;

    /// <summary>The URLs the host listens on (Kestrel's <c>urls</c>); a command reaches the running host there.</summary>
    public static Option<string> Urls { get; } = HostOption("--urls", $"The URLs the host listens on, separated by ';' (default {Hosting.SampleHostUrls.Default}); a command reaches the running host at the first one.", hidden: false);

    /// <summary>The hosting environment (<c>Development</c>, <c>Production</c>).</summary>
    public static Option<string> Environment { get; } = HostOption("--environment", "The hosting environment (Production unless set).", hidden: false);

    // WebApplicationFactory (the tests) starts the entry point with these too.
    private static readonly Option<string>[] HostOptions =
    [
        Urls,
        Environment,
        HostOption("--contentRoot", "The content root.", hidden: true),
        HostOption("--applicationName", "The application name.", hidden: true),
    ];

    /// <summary>The root command: the host options, every command of <see cref="SampleCommands.All"/>, and <paramref name="serve"/> when no command is given.</summary>
    public static RootCommand Create(SampleCommandContext context, Func<ParseResult, CancellationToken, Task<int>>? serve)
    {
        var root = new RootCommand("""
            The sample OpenIddict authorization server with AddJarHardening(). Without a command it serves; a command
            runs once with the same configuration and database, and exits.
            Any configuration key can be set with --Section:Key <value>, --Section:Key=<value> or Section:Key=<value>
            (for example --Database:Provider PostgreSql --ConnectionStrings:Jar "Host=..."), before or after a command.
            """)
        {
            // The name a person runs (dotnet Jar.SampleHost.dll), also under dotnet run, a test host or the apphost.
            HelpName = "Jar.SampleHost",
        };
        foreach (var option in HostOptions)
        {
            root.Options.Add(option);
        }

        foreach (var create in SampleCommands.All)
        {
            root.Subcommands.Add(create(context));
        }

        if (serve is not null)
        {
            root.SetAction(serve);
        }

        return root;
    }

    /// <summary>Parses <paramref name="commandLine"/> and runs what it names; a parse error prints the errors and the usage of the command, exit code 2.</summary>
    public static async Task<int> InvokeAsync(RootCommand root, IReadOnlyList<string> commandLine, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(error);

        // No @response-file expansion: an argument such as a JSON policy is taken as written.
        var parse = root.Parse(commandLine, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            await error.WriteLineAsync().ConfigureAwait(false);
            WriteUsage(parse, error);
            return UsageExitCode;
        }

        var invocation = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            // Exceptions are the host's to report (and WebApplicationFactory stops the entry point with one).
            EnableDefaultExceptionHandler = false,
            // The server handles Ctrl+C itself (ConsoleLifetime); a command is short and is ended with the process.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(invocation, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The usage of the command <paramref name="parse"/> got to, as its <c>--help</c> prints it.</summary>
    public static void WriteUsage(ParseResult parse, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var path = new List<string> { "--help" };
        for (var result = parse.CommandResult; result.Parent is CommandResult parent; result = parent)
        {
            path.Insert(0, result.Command.Name);
        }

        parse.RootCommandResult.Command.Parse(path).Invoke(new InvocationConfiguration { Output = output });
    }

    /// <summary>
    /// Takes the configuration overrides off the command line: <c>--Section:Key value</c>, <c>--Section:Key=value</c>
    /// and <c>Key=Value</c> (a word with '=' that is not a JSON object). What is left is parsed as the command line.
    /// </summary>
    public static (string[] Configuration, string[] CommandLine) Split(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var configuration = new List<string>();
        var commandLine = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var argument = args[i];
            if (argument.StartsWith("--", StringComparison.Ordinal) && argument.Split('=', 2)[0].Contains(':', StringComparison.Ordinal))
            {
                configuration.Add(argument);
                if (!argument.Contains('=', StringComparison.Ordinal) && i + 1 < args.Count)
                {
                    configuration.Add(args[++i]);
                }
            }
            else if (IsAssignment(argument))
            {
                configuration.Add(argument);
            }
            else
            {
                commandLine.Add(argument);
            }
        }

        return ([.. configuration], [.. commandLine]);
    }

    /// <summary>The arguments the host's configuration reads: the overrides taken off by <see cref="Split"/>, then the host options given.</summary>
    public static string[] HostArguments(ParseResult parse, IReadOnlyList<string> configuration)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var arguments = new List<string>(configuration);
        foreach (var option in HostOptions)
        {
            if (parse.GetValue(option) is { } value)
            {
                arguments.Add($"{option.Name}={value}");
            }
        }

        return [.. arguments];
    }

    // Key=Value as the configuration's command-line provider reads it; a JSON object (a policy) is a word of its own.
    private static bool IsAssignment(string argument) =>
        !argument.StartsWith('-') && !argument.TrimStart().StartsWith('{') && argument.IndexOf('=', StringComparison.Ordinal) > 0;

    private static Option<string> HostOption(string name, string description, bool hidden) =>
        new(name) { Description = description, Recursive = true, Hidden = hidden };
}
