using Microsoft.IdentityModel.Tokens;

namespace Jar.IdentityServer.Extensions.Client.Server;

/// <summary>
/// The server's metadata and JWKS, fetched over <see cref="HttpClient"/> and cached: the metadata for
/// <see cref="CacheDuration"/>, the JWKS likewise and again at once when a key id it does not hold is asked for
/// (the server has rotated its keys). Thread-safe.
/// </summary>
public sealed class AuthorizationServerDirectory
{
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private (AuthorizationServerMetadata Value, DateTimeOffset Fetched)? _metadata;
    private (JsonWebKeySet Value, DateTimeOffset Fetched)? _keys;

    /// <summary>The directory of the server <paramref name="issuer"/>.</summary>
    /// <param name="http">The back channel.</param>
    /// <param name="issuer">The issuer identifier the client trusts; the metadata must name exactly it (RFC 8414 §3.3).</param>
    /// <param name="metadataAddress">Where the metadata is; default: <paramref name="issuer"/> + <c>/.well-known/openid-configuration</c>.</param>
    /// <param name="time">The clock.</param>
    public AuthorizationServerDirectory(HttpClient http, string issuer, Uri? metadataAddress = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        _http = http;
        _time = time ?? TimeProvider.System;
        Issuer = issuer;
        MetadataAddress = metadataAddress ?? new Uri(issuer.TrimEnd('/') + "/.well-known/openid-configuration", UriKind.Absolute);
    }

    /// <summary>The issuer identifier.</summary>
    public string Issuer { get; }

    /// <summary>Where the metadata is read.</summary>
    public Uri MetadataAddress { get; }

    /// <summary>How long the metadata and the JWKS are kept (default 1 hour).</summary>
    public TimeSpan CacheDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The server's metadata, from the cache when fresh.</summary>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <exception cref="JarClientException">Unreachable, unreadable, or for another issuer.</exception>
    public async Task<AuthorizationServerMetadata> GetMetadataAsync(CancellationToken cancellationToken = default)
    {
        if (_metadata is { } cached && _time.GetUtcNow() - cached.Fetched < CacheDuration)
        {
            return cached.Value;
        }

        // Two callers that miss the cache together both fetch; the documents are idempotent, the last one is kept.
        var metadata = AuthorizationServerMetadata.Parse(await GetAsync(MetadataAddress, cancellationToken).ConfigureAwait(false));

        // RFC 8414 §3.3: metadata that names another issuer must not be used (mix-up and impersonation).
        if (!string.Equals(metadata.Issuer, Issuer, StringComparison.Ordinal))
        {
            throw new JarClientException($"The metadata at {MetadataAddress} names issuer '{metadata.Issuer}', not '{Issuer}'.");
        }

        _metadata = (metadata, _time.GetUtcNow());
        return metadata;
    }

    /// <summary>
    /// The server's public key to encrypt a request object to: a key with <c>use: enc</c> whose
    /// algorithm is one of <paramref name="algorithms"/> and that the server advertises, preferring them in order;
    /// with <paramref name="keyId"/>, exactly that key, fetching the JWKS again once if the cached one lacks it.
    /// </summary>
    /// <param name="algorithms">Acceptable key management algorithms, preferred first.</param>
    /// <param name="keyId">A key id to use, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <exception cref="JarClientException">No such key.</exception>
    public async Task<JsonWebKey> GetEncryptionKeyAsync(IReadOnlyList<string> algorithms, string? keyId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(algorithms);
        var metadata = await GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        var usable = algorithms.Where(a => metadata.RequestObjectEncryptionAlgorithms.Contains(a, StringComparer.Ordinal)).ToArray();
        if (usable.Length == 0)
        {
            throw new JarClientException($"The server advertises request object encryption with [{string.Join(", ", metadata.RequestObjectEncryptionAlgorithms)}], none of [{string.Join(", ", algorithms)}].");
        }

        var keys = await GetKeysAsync(refresh: false, cancellationToken).ConfigureAwait(false);
        if (Pick(keys, usable, keyId) is { } key)
        {
            return key;
        }

        // An unknown kid, or no usable key: the server may have rotated since the JWKS was cached.
        keys = await GetKeysAsync(refresh: true, cancellationToken).ConfigureAwait(false);
        return Pick(keys, usable, keyId)
            ?? throw new JarClientException(keyId is null
                ? $"The server's JWKS has no encryption key for [{string.Join(", ", usable)}]."
                : $"The server's JWKS has no encryption key '{keyId}'.");
    }

    /// <summary>Forgets the cached JWKS, so the next call fetches it (e.g. after the server could not decrypt an object).</summary>
    public void InvalidateKeys() => _keys = null;

    private static JsonWebKey? Pick(JsonWebKeySet keys, string[] algorithms, string? keyId)
    {
        foreach (var algorithm in algorithms)
        {
            foreach (var key in keys.Keys)
            {
                // RFC 7517 §4.2: only a key published for encryption; never a private one, should a server leak it.
                if (key.Use != JsonWebKeyUseNames.Enc || key.D is not null)
                {
                    continue;
                }

                if (keyId is not null && !string.Equals(key.Kid, keyId, StringComparison.Ordinal))
                {
                    continue;
                }

                if (RequestObjects.RequestObjectEncryptor.AlgorithmFor(key) == algorithm)
                {
                    return key;
                }
            }
        }

        return null;
    }

    private async Task<JsonWebKeySet> GetKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        if (!refresh && _keys is { } cached && _time.GetUtcNow() - cached.Fetched < CacheDuration)
        {
            return cached.Value;
        }

        var metadata = await GetMetadataAsync(cancellationToken).ConfigureAwait(false);
        var uri = metadata.JwksUri ?? throw new JarClientException("The server metadata has no 'jwks_uri'.");
        JsonWebKeySet keys;
        try
        {
            keys = new JsonWebKeySet(await GetAsync(uri, cancellationToken).ConfigureAwait(false));
        }
        catch (ArgumentException e)
        {
            throw new JarClientException($"The JWKS at {uri} cannot be read.", e);
        }

        _keys = (keys, _time.GetUtcNow());
        return keys;
    }

    private async Task<string> GetAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? body
                : throw new JarClientException($"{uri} answered {(int)response.StatusCode}.");
        }
        catch (HttpRequestException e)
        {
            throw new JarClientException($"{uri} cannot be reached: {e.Message}", e);
        }
    }
}
