using System.CommandLine;
using System.CommandLine.Help;
using System.Text.Json;
using Jar.IdentityServer.Extensions.Client;

namespace Jar.Cli;

/// <summary>The <c>jar</c> command line: parses, runs one command, maps failures to the documented exit codes.</summary>
internal static class JarCommandLine
{
    public static async Task<int> RunAsync(string[] args, HttpClient http, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("jar: JWT-Secured Authorization Requests (RFC 9101) from the command line: sign and push request objects, inspect one against a JAR policy, print a client's public JWKS. " + ExitCodes.Help)
        {
            SignCommand.Create(http),
            PushCommand.Create(http),
            InspectCommand.Create(http),
            JwksCommand.Create(),
        };

        // No @response-file expansion: a value is taken as written.
        var parse = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parse.Errors.Count > 0 && parse.Action is not HelpAction)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync(problem.Message).ConfigureAwait(false);
            }

            return ExitCodes.Usage;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }).ConfigureAwait(false);
        }
        catch (JarServerException e)
        {
            // RFC 6749 §5.2 and RFC 9126 §2.3: the server's own words, and the rule it named.
            await output.WriteLineAsync($"error={e.Error}").ConfigureAwait(false);
            await output.WriteLineAsync($"error_description={e.ErrorDescription}").ConfigureAwait(false);
            await output.WriteLineAsync($"rule={e.RuleId}").ConfigureAwait(false);
            return ExitCodes.Refused;
        }
        catch (UsageException e)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is JarClientException or IOException or UnauthorizedAccessException or JsonException or ArgumentException or InvalidOperationException or System.Security.Cryptography.CryptographicException or HttpRequestException)
        {
            await error.WriteLineAsync(e.Message).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }
}
