using System.CommandLine;

namespace Jar.Cli;

/// <summary><c>jar sign</c>: parameters and a key in, a compact request object out.</summary>
internal static class SignCommand
{
    public static Command Create(HttpClient http)
    {
        var common = new CommonOptions();
        var command = new Command("sign", "Signs a request object (RFC 9101 §4) with the client's key and prints it (compact JWS, or JWE with --encrypt). " + ExitCodes.Help);
        common.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (client, parameters, verifier) = common.Read(parse, http);
            var requestObject = await client.CreateRequestObjectAsync(parameters, cancellationToken).ConfigureAwait(false);
            if (verifier is not null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"code_verifier={verifier}").ConfigureAwait(false);
            }

            await parse.InvocationConfiguration.Output.WriteLineAsync(requestObject).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
