using System.Collections.Immutable;

namespace Jar.IdentityServer.Extensions.Client.Keys;

/// <summary>
/// The client's keys: every key is published in its JWKS (<see cref="ToPublicJwks"/>), and the one that signs at a
/// given time is the key with the latest <see cref="ClientSigningKey.SigningFrom"/> that has been reached.
/// </summary>
/// <remarks>
/// Rotation without a refused request: add the new key with a <see cref="ClientSigningKey.SigningFrom"/> later than
/// the server's JWKS cache lifetime, so the server has fetched it before the first object it signs arrives; keep the
/// old key until objects it signed have expired, then <see cref="Without"/> it. Immutable: each change is a new set.
/// </remarks>
public sealed class ClientKeySet
{
    private readonly ImmutableArray<ClientSigningKey> _keys;

    /// <summary>A set of the given keys; their key ids must differ.</summary>
    /// <param name="keys">At least one key.</param>
    public ClientKeySet(IEnumerable<ClientSigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        if (_keys.IsEmpty)
        {
            throw new ArgumentException("A client key set needs at least one key.", nameof(keys));
        }

        var duplicate = _keys.GroupBy(static k => k.KeyId, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        if (duplicate is not null)
        {
            // RFC 7517 §4.5: a kid must tell the keys of one set apart.
            throw new ArgumentException($"Key id '{duplicate.Key}' is used by more than one key.", nameof(keys));
        }
    }

    /// <summary>A set of the given keys.</summary>
    /// <param name="keys">At least one key.</param>
    public ClientKeySet(params ClientSigningKey[] keys)
        : this((IEnumerable<ClientSigningKey>)keys)
    {
    }

    /// <summary>Every key, signing or only published.</summary>
    public IReadOnlyList<ClientSigningKey> Keys => _keys;

    /// <summary>This set with <paramref name="key"/> added (published at once, signing from its <see cref="ClientSigningKey.SigningFrom"/>).</summary>
    /// <param name="key">The new key.</param>
    public ClientKeySet With(ClientSigningKey key) => new(_keys.Add(key));

    /// <summary>This set without the key named <paramref name="keyId"/> (retired: no longer published, never signs).</summary>
    /// <param name="keyId">The key to remove.</param>
    public ClientKeySet Without(string keyId) => new(_keys.Where(k => !string.Equals(k.KeyId, keyId, StringComparison.Ordinal)));

    /// <summary>The key that signs at <paramref name="now"/>.</summary>
    /// <param name="now">The time of signing.</param>
    /// <exception cref="InvalidOperationException">No key signs yet.</exception>
    public ClientSigningKey SigningKey(DateTimeOffset now)
    {
        ClientSigningKey? current = null;
        foreach (var key in _keys)
        {
            var from = key.SigningFrom ?? DateTimeOffset.MinValue;
            if (from <= now && (current is null || from >= (current.SigningFrom ?? DateTimeOffset.MinValue)))
            {
                current = key;
            }
        }

        return current ?? throw new InvalidOperationException($"None of the client's keys signs before {now:O}.");
    }

    /// <summary>The public JWKS (RFC 7517 §5) to register with the server or to serve at the client's <c>jwks_uri</c>.</summary>
    public string ToPublicJwks() => KeyJson.WriteSet(_keys.Select(static k => k.PublicKey));
}
