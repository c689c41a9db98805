using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>
/// The authorization parameters of a verified request object: its members less the JWT claims that describe the
/// object itself (RFC 9101 §6.3: only these count), each as its text. A read-only view over the parsed members,
/// which nothing changes once parsed, in their order in the object; not a second dictionary per request.
/// </summary>
internal sealed class RequestObjectParameters : IReadOnlyDictionary<string, string>, IJarJsonValuedParameters
{
    private readonly Dictionary<string, ClaimValue> _claims;

    public RequestObjectParameters(Dictionary<string, ClaimValue> claims)
    {
        _claims = claims;
        foreach (var name in claims.Keys)
        {
            if (!AuthorizationParameterNames.IsEnvelopeClaim(name))
            {
                Count++;
            }
        }
    }

    public int Count { get; }

    public IEnumerable<string> Keys
    {
        get
        {
            foreach (var (name, _) in this)
            {
                yield return name;
            }
        }
    }

    public IEnumerable<string> Values
    {
        get
        {
            foreach (var (_, value) in this)
            {
                yield return value;
            }
        }
    }

    public string this[string key] =>
        TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"The given key '{key}' was not present in the dictionary.");

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool IsJson(string name) =>
        !AuthorizationParameterNames.IsEnvelopeClaim(name) && _claims.TryGetValue(name, out var claim) &&
        claim.Kind is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.Object or System.Text.Json.JsonValueKind.Array;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (!AuthorizationParameterNames.IsEnvelopeClaim(key) && _claims.TryGetValue(key, out var claim))
        {
            value = claim.Text;
            return true;
        }

        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var (name, claim) in _claims)
        {
            if (!AuthorizationParameterNames.IsEnvelopeClaim(name))
            {
                yield return new(name, claim.Text);
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
