using System.CommandLine;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.Cli;

/// <summary><c>jar jwks</c>: the public JWKS of key files, to register with a server.</summary>
internal static class JwksCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("keys") { Description = "Private key files: JWK (.json) or PEM (.pem).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("jwks", "Prints the public JWKS (RFC 7517 §5) of the given keys: public members only, each with kid, use sig and alg. " + ExitCodes.Help);
        command.Arguments.Add(files);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var keys = new ClientKeySet(parse.GetRequiredValue(files).Select(f => CommonOptions.LoadKey(f.FullName)));
            await parse.InvocationConfiguration.Output.WriteLineAsync(keys.ToPublicJwks()).ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }
}
