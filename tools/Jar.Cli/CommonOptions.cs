using System.CommandLine;
using Jar.IdentityServer.Extensions.Client;
using Jar.IdentityServer.Extensions.Client.Keys;

namespace Jar.Cli;

/// <summary>The options <c>sign</c> and <c>push</c> share: who the client is, its key, the server, and the parameters.</summary>
internal sealed class CommonOptions
{
    public Option<string> ClientId { get; } = new("--client-id") { Description = "The client_id registered at the server (iss and client_id of the object).", Required = true };

    public Option<string> Issuer { get; } = new("--issuer") { Description = "The server's issuer identifier, exactly as its metadata says (aud of the object).", Required = true };

    public Option<FileInfo[]> Keys { get; } = new("--key") { Description = "Private key file(s): JWK (.json) or PEM (.pem). With several, the last signs; all are the client's.", Required = true, AllowMultipleArgumentsPerToken = false };

    public Option<string[]> Parameters { get; } = new("--param", "-p") { Description = "An authorization parameter, name=value (repeatable): response_type=code, redirect_uri=..., scope=\"openid ...\".", AllowMultipleArgumentsPerToken = false };

    public Option<bool> Pkce { get; } = new("--pkce") { Description = "Adds a fresh S256 PKCE challenge and prints its code_verifier (stderr) for the code redemption." };

    public Option<RequestObjectEncryption> Encrypt { get; } = new("--encrypt") { Description = "Encrypts the signed object to the server's use:enc key from its JWKS: None, RsaOaep256, EcdhEs, Any.", DefaultValueFactory = _ => RequestObjectEncryption.None };

    public Option<int> Lifetime { get; } = new("--lifetime") { Description = "Seconds the object is valid (exp - nbf), at most 3600.", DefaultValueFactory = _ => 300 };

    public void AddTo(Command command)
    {
        command.Options.Add(ClientId);
        command.Options.Add(Issuer);
        command.Options.Add(Keys);
        command.Options.Add(Parameters);
        command.Options.Add(Pkce);
        command.Options.Add(Encrypt);
        command.Options.Add(Lifetime);
    }

    /// <summary>The client's key set: the last key given signs.</summary>
    public static ClientKeySet LoadKeys(IEnumerable<FileInfo> files) =>
        new(files.Select(static (f, i) => LoadKey(f.FullName) with { SigningFrom = DateTimeOffset.UnixEpoch.AddSeconds(i) }));

    public static ClientSigningKey LoadKey(string path) =>
        path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) ? ClientSigningKey.FromPemFile(path) : ClientSigningKey.FromJwkFile(path);

    /// <summary>The client and its parameters from the parse; the PKCE verifier when one was made.</summary>
    public (JarClient Client, Dictionary<string, string?> Parameters, string? Verifier) Read(ParseResult parse, HttpClient http, Jar.IdentityServer.Extensions.Client.Authentication.ClientAuthentication? authentication = null)
    {
        var parameters = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var pair in parse.GetValue(Parameters) ?? [])
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new UsageException($"--param '{pair}' is not name=value.");
            }

            parameters[pair[..equals]] = pair[(equals + 1)..];
        }

        string? verifier = null;
        if (parse.GetValue(Pkce))
        {
            verifier = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
            parameters["code_challenge"] = Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(verifier)));
            parameters["code_challenge_method"] = "S256";
        }

        var keys = LoadKeys(parse.GetRequiredValue(Keys));
        var client = new JarClient(http, new JarClientOptions
        {
            ClientId = parse.GetRequiredValue(ClientId),
            Issuer = parse.GetRequiredValue(Issuer),
            Keys = keys,
            Authentication = authentication,
            Encryption = parse.GetValue(Encrypt),
            RequestObjectLifetime = TimeSpan.FromSeconds(parse.GetValue(Lifetime)),
        });
        return (client, parameters, verifier);
    }
}
