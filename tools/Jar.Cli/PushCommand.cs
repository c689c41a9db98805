using System.CommandLine;
using System.Globalization;
using Jar.IdentityServer.Extensions.Client.Authentication;

namespace Jar.Cli;

/// <summary><c>jar push</c>: signs, pushes to PAR, prints request_uri, expires_in and the URL to open.</summary>
internal static class PushCommand
{
    public static Command Create(HttpClient http)
    {
        var common = new CommonOptions();
        var secret = new Option<string>("--client-secret") { Description = "Authenticate with client_secret_basic instead of private_key_jwt (JAR_CLIENT_SECRET works too)." };
        var command = new Command("push", "Signs a request object and pushes it to the server's PAR endpoint (RFC 9126) with private_key_jwt, then prints request_uri, expires_in and the URL to open. A refusal prints the error, its description and the rule id. " + ExitCodes.Help);
        common.AddTo(command);
        command.Options.Add(secret);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var clientSecret = parse.GetValue(secret) ?? Environment.GetEnvironmentVariable("JAR_CLIENT_SECRET");
            var (client, parameters, verifier) = common.Read(parse, http, clientSecret is { Length: > 0 } ? ClientAuthentication.ClientSecretBasic(clientSecret) : null);
            var pushed = await client.PushAsync(parameters, cancellationToken).ConfigureAwait(false);
            await output.WriteLineAsync($"request_uri={pushed.RequestUri}").ConfigureAwait(false);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"expires_in={(long)pushed.ExpiresIn.TotalSeconds}")).ConfigureAwait(false);
            await output.WriteLineAsync($"url={pushed.AuthorizationUrl.AbsoluteUri}").ConfigureAwait(false);
            if (verifier is not null)
            {
                await output.WriteLineAsync($"code_verifier={verifier}").ConfigureAwait(false);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
