using Microsoft.Extensions.Options;

namespace Jar.SampleHost.Clients;

/// <summary>Checks the demo clients at start-up, so a wrong setting stops the host with a message naming it.</summary>
internal sealed class SampleClientsOptionsValidator(IHostEnvironment environment) : IValidateOptions<SampleClientsOptions>
{
    public ValidateOptionsResult Validate(string? name, SampleClientsOptions options)
    {
        var failures = new List<string>();
        foreach (var (clientId, client) in options.Clients)
        {
            var prefix = $"Jar:Clients:{clientId}";
            var isPublic = string.Equals(client.Type, ClientTypeNames.Public, StringComparison.OrdinalIgnoreCase);
            if (!isPublic && !string.Equals(client.Type, ClientTypeNames.Confidential, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"{prefix}:Type: '{client.Type}' is neither '{ClientTypeNames.Confidential}' nor '{ClientTypeNames.Public}'.");
            }

            if (isPublic && (client.Secret is not null || client.Jwks is not null))
            {
                failures.Add($"{prefix}: a public client has no Secret and no Jwks (RFC 6749 §2.1).");
            }

            if (!isPublic && (client.Secret is null) == (client.Jwks is null))
            {
                failures.Add($"{prefix}: a confidential client has exactly one credential, Secret or Jwks.");
            }

            Check(failures, $"{prefix}:Jwks", client.Jwks, v => ClientKeys.LoadPublicKeySet(v, environment.ContentRootPath));
            Check(failures, $"{prefix}:DemoPrivateKey", client.DemoPrivateKey, v => ClientKeys.LoadPrivateKey(v, environment.ContentRootPath));
            if (client.DemoPrivateKey is not null && client.Jwks is null)
            {
                failures.Add($"{prefix}:DemoPrivateKey: only a client with Jwks signs with a private key.");
            }

            if (client.RedirectUris.Count == 0)
            {
                failures.Add($"{prefix}:RedirectUris: at least one redirect URI is needed.");
            }

            foreach (var uri in client.RedirectUris.Where(u => !Uri.TryCreate(u, UriKind.Absolute, out _)))
            {
                failures.Add($"{prefix}:RedirectUris: '{uri}' is not an absolute URI.");
            }

            if (client.Scopes.Count == 0)
            {
                failures.Add($"{prefix}:Scopes: at least one scope is needed.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string setting, string? value, Action<string> load)
    {
        if (value is null)
        {
            return;
        }

        try
        {
            load(value);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException or System.Text.Json.JsonException)
        {
            failures.Add($"{setting}: {e.Message}");
        }
    }
}
