using Microsoft.IdentityModel.Tokens;

namespace Jar.SampleHost.Clients;

/// <summary>Reads the demo clients' keys from configuration: a JSON value, or a file relative to the content root.</summary>
public static class ClientKeys
{
    /// <summary>A client's public key set, as registered with OpenIddict. Refuses private key material.</summary>
    public static JsonWebKeySet LoadPublicKeySet(string value, string contentRoot)
    {
        var set = new JsonWebKeySet(Read(value, contentRoot));
        if (set.Keys.Count == 0)
        {
            throw new InvalidOperationException("the key set has no usable key.");
        }

        // RFC 7517 §9.2: a registered key set is published to the server; it must not carry private parameters.
        if (set.Keys.Any(k => k.HasPrivateKey))
        {
            throw new InvalidOperationException("the key set holds private key material: register the public keys only.");
        }

        return set;
    }

    /// <summary>The public key set as compact JSON, for comparing a registration with its configuration.</summary>
    public static string ReadNormalized(string value, string contentRoot) =>
        System.Text.Json.Nodes.JsonNode.Parse(Read(value, contentRoot))?.ToJsonString() ?? string.Empty;

    /// <summary>A demo client's private signing key.</summary>
    public static JsonWebKey LoadPrivateKey(string value, string contentRoot)
    {
        var key = new JsonWebKey(Read(value, contentRoot));
        return key.HasPrivateKey ? key : throw new InvalidOperationException("the key has no private part.");
    }

    private static string Read(string value, string contentRoot) =>
        value.TrimStart().StartsWith('{') ? value : File.ReadAllText(Path.GetFullPath(value, contentRoot));
}
