using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.Client.Server;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Cli;

/// <summary>
/// <c>jar inspect</c>: decodes a request object and runs the server's own rules on it offline (the engine of
/// Jar.IdentityServer.Extensions, with an in-memory replay ledger), naming each rule it breaks with its spec clause.
/// </summary>
internal static class InspectCommand
{
    private static readonly JsonSerializerOptions PolicyOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(HttpClient http)
    {
        var requestObject = new Argument<string>("object") { Description = "The request object (compact JWS or JWE), a file that holds it, or - for standard input." };
        var policy = new Option<FileInfo>("--policy") { Description = "The client's policy: a JarPolicyOverrides JSON file ({\"Profile\":\"fapi2-message-signing\",\"RequireJwtId\":true}). Default: the strict profile." };
        var jwks = new Option<FileInfo>("--jwks") { Description = "The client's registered keys: its public JWKS file, or a private key file (JWK or PEM). Without it the signature cannot be checked (JAR204)." };
        var issuer = new Option<string>("--issuer") { Description = "The server's issuer identifier (the aud the object must name). Default: the object's own aud." };
        var server = new Option<Uri>("--server") { Description = "Reads the issuer, and whether PAR and request objects are required, from this server's discovery document." };
        var endpoint = new Option<string>("--endpoint") { Description = "Where the object would be sent: par or authorization.", DefaultValueFactory = _ => "par" };
        endpoint.AcceptOnlyFromAmong("par", "authorization");
        var redirectUris = new Option<string[]>("--redirect-uri") { Description = "The client's registered redirect URIs (repeatable). Default: the object's own redirect_uri." };
        var command = new Command("inspect", "Decodes a request object's header and claims, checks them offline against a policy (or a server's discovery) with the server's own rules, and lists every rule id it would break with its error code and spec clause. " + ExitCodes.Help);
        command.Arguments.Add(requestObject);
        command.Options.Add(policy);
        command.Options.Add(jwks);
        command.Options.Add(issuer);
        command.Options.Add(server);
        command.Options.Add(endpoint);
        command.Options.Add(redirectUris);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var text = await ReadObjectAsync(parse.GetRequiredValue(requestObject), cancellationToken).ConfigureAwait(false);
            var parts = text.Split('.');
            var claims = Describe(parts, output);

            var overrides = parse.GetValue(policy) is { } file
                ? JsonSerializer.Deserialize<JarPolicyOverrides>(await File.ReadAllTextAsync(file.FullName, cancellationToken).ConfigureAwait(false), PolicyOptions) ?? new JarPolicyOverrides()
                : new JarPolicyOverrides();
            var audience = parse.GetValue(issuer);
            if (parse.GetValue(server) is { } serverUrl)
            {
                var metadata = await new AuthorizationServerDirectory(http, serverUrl.AbsoluteUri.TrimEnd('/') + "/", serverUrl.AbsoluteUri.EndsWith(".well-known/openid-configuration", StringComparison.Ordinal) ? serverUrl : null)
                    .GetMetadataAsync(cancellationToken).ConfigureAwait(false);
                audience ??= metadata.Issuer;
                overrides = overrides with
                {
                    RequirePushedAuthorizationRequests = overrides.RequirePushedAuthorizationRequests ?? (metadata.RequirePushedAuthorizationRequests ? true : null),
                    RequireRequestObject = overrides.RequireRequestObject ?? (metadata.RequireSignedRequestObject ? true : null),
                };
            }

            var clientId = String(claims, "client_id") ?? String(claims, "iss") ?? "unknown-client";
            audience ??= String(claims, "aud") ?? "https://issuer.invalid/";
            var keys = parse.GetValue(jwks) is { } keyFile ? ReadKeys(keyFile.FullName) : [];
            var redirects = parse.GetValue(redirectUris) is { Length: > 0 } given ? given : String(claims, "redirect_uri") is { } own ? [own] : [];
            var atPar = parse.GetValue(endpoint) == "par";

            var services = new ServiceCollection().AddLogging().AddJarEngine(o => o.Clients[clientId] = overrides);
            await using var provider = services.BuildServiceProvider();
            await using var scope = provider.CreateAsyncScope();
            var validator = scope.ServiceProvider.GetRequiredService<IJarRequestValidator>();
            var request = new JarRequest(
                atPar ? JarEndpoint.PushedAuthorization : JarEndpoint.Authorization,
                audience,
                new Dictionary<string, StringValues>(StringComparer.Ordinal) { ["client_id"] = clientId, ["request"] = text })
            {
                AuthenticatedClientId = atPar ? clientId : null,
            };
            var decision = await validator.ValidateAsync(request, new JarClient(clientId, keys, redirects), cancellationToken).ConfigureAwait(false);

            await output.WriteLineAsync($"Checked as client '{clientId}' at the {(atPar ? "PAR" : "authorization")} endpoint of issuer '{audience}', profile {decision.Profile ?? overrides.Profile ?? JarProfiles.Strict}:").ConfigureAwait(false);
            if (decision.Violations.Count == 0)
            {
                await output.WriteLineAsync("  no rule broken.").ConfigureAwait(false);
                return ExitCodes.Success;
            }

            foreach (var violation in decision.Violations)
            {
                var rule = violation.Rule;
                await output.WriteLineAsync($"  {rule.Id} {rule.Name} ({rule.Error}; {rule.Kind}; {rule.Spec}): {violation.Description}").ConfigureAwait(false);
            }

            if (decision.Outcome == JarOutcome.ReportOnly)
            {
                await output.WriteLineAsync("  (report-only policy: the server would record these and let the request through)").ConfigureAwait(false);
            }

            return ExitCodes.Refused;
        });
        return command;
    }

    private static async Task<string> ReadObjectAsync(string value, CancellationToken cancellationToken)
    {
        if (value == "-")
        {
            return (await Console.In.ReadToEndAsync(cancellationToken).ConfigureAwait(false)).Trim();
        }

        return File.Exists(value) ? (await File.ReadAllTextAsync(value, cancellationToken).ConfigureAwait(false)).Trim() : value.Trim();
    }

    // Prints the header and claims (RFC 7515 §7.1 segments) as JSON; a JWE shows its header only, as its content
    // is for the server's key alone.
    private static JsonElement? Describe(string[] parts, TextWriter output)
    {
        var header = Decode(parts.Length is 3 or 5 ? parts[0] : null);
        output.WriteLine("Header:");
        output.WriteLine(header is { } h ? JsonSerializer.Serialize(h, Indented) : "  (not a compact JWS or JWE)");
        if (parts.Length == 5)
        {
            output.WriteLine("Claims: encrypted to the server (a nested JWE, RFC 9101 §6.1); only the server's key decrypts them.");
            return null;
        }

        var claims = Decode(parts.Length == 3 ? parts[1] : null);
        output.WriteLine("Claims:");
        output.WriteLine(claims is { } c ? JsonSerializer.Serialize(c, Indented) : "  (unreadable)");
        return claims;
    }

    private static JsonElement? Decode(string? segment)
    {
        if (segment is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Base64UrlEncoder.DecodeBytes(segment)));
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
        }
        catch (Exception e) when (e is JsonException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    private static string? String(JsonElement? claims, string name) =>
        claims is { } c && c.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // A JWKS file, or one key (private or public) as JWK or PEM: only public members are kept.
    private static JsonWebKey[] ReadKeys(string path)
    {
        if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase))
        {
            return [CommonOptions.LoadKey(path).PublicKey];
        }

        var json = File.ReadAllText(path);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.TryGetProperty("keys", out _))
        {
            return [.. new JsonWebKeySet(json).Keys];
        }

        var key = new JsonWebKey(json);
        return key.D is not null ? [CommonOptions.LoadKey(path).PublicKey] : [key];
    }
}
