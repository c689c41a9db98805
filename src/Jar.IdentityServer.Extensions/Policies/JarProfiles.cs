using System.Collections.Frozen;
using System.Globalization;

namespace Jar.IdentityServer.Extensions;

/// <summary>
/// The built-in named profiles, and the one way to build a client's policy from a profile and its overrides.
/// A client may tighten its profile, never loosen it.
/// </summary>
public static class JarProfiles
{
    /// <summary>Strict request objects whenever one is sent, PKCE S256, exact redirect URIs, <c>code</c> only. The default.</summary>
    public const string Strict = "strict";

    /// <summary>FAPI 1.0 Part 2 Advanced: signed request objects required, <c>code id_token</c>, nonce with openid.</summary>
    public const string Fapi1Advanced = "fapi1-advanced";

    /// <summary>FAPI 2.0 Message Signing: PAR and signed request objects required, <c>code</c>, PKCE S256.</summary>
    public const string Fapi2MessageSigning = "fapi2-message-signing";

    private static readonly FrozenSet<string> FapiAlgorithms = FrozenSet.Create(StringComparer.Ordinal, "PS256", "ES256");

    /// <summary>Every built-in profile by name.</summary>
    public static IReadOnlyDictionary<string, JarPolicy> BuiltIn { get; } = new Dictionary<string, JarPolicy>(StringComparer.Ordinal)
    {
        [Strict] = new JarPolicy
        {
            Profile = Strict,
            RequirePkce = true,
            RequireRedirectUri = true,
            RequireScope = true,
            RequireNotBefore = true,
            RequireIssuer = true,
            AllowedResponseTypes = FrozenSet.Create(StringComparer.Ordinal, "code"),
            AllowedSigningAlgorithms = FapiAlgorithms,
        },
        [Fapi1Advanced] = new JarPolicy
        {
            Profile = Fapi1Advanced,
            RequireRequestObject = true, // FAPI 1.0 Advanced §5.2.2-1
            RequireRedirectUri = true, // FAPI 1.0 Baseline §5.2.2-9
            RequireScope = true,
            RequireNonceForOpenId = true, // FAPI 1.0 Baseline §5.2.2.2
            RequireNotBefore = true, // §5.2.2-17
            RequireIssuer = true,
            AllowedResponseTypes = FrozenSet.Create(StringComparer.Ordinal, "code id_token"), // §5.2.2-2 without JARM
            AllowedSigningAlgorithms = FapiAlgorithms, // §8.6
        },
        [Fapi2MessageSigning] = new JarPolicy
        {
            Profile = Fapi2MessageSigning,
            RequireRequestObject = true, // FAPI 2.0 Message Signing §5.3.1-1
            RequirePushedAuthorizationRequests = true, // FAPI 2.0 Security Profile §5.3.2.2-3
            RequirePkce = true, // §5.3.2.2-5
            RequireRedirectUri = true, // §5.3.2.2-6
            RequireScope = true,
            RequireNotBefore = true, // Message Signing §5.3.1-3
            RequireIssuer = true,
            AllowedResponseTypes = FrozenSet.Create(StringComparer.Ordinal, "code"), // §5.3.2.2-1
            AllowedSigningAlgorithms = FapiAlgorithms, // §5.4.1 (EdDSA is not offered by Microsoft.IdentityModel)
        },
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// Builds a client's policy: its profile (or <paramref name="defaultProfile"/>) tightened by the overrides.
    /// </summary>
    /// <exception cref="JarPolicyException">The profile is unknown, or an override loosens it; the message names each setting.</exception>
    public static JarPolicyResolution Resolve(string clientId, JarPolicyOverrides? overrides, string defaultProfile = Strict)
    {
        ArgumentNullException.ThrowIfNull(clientId);
        overrides ??= new JarPolicyOverrides();
        var profileName = overrides.Profile ?? defaultProfile;
        if (!BuiltIn.TryGetValue(profileName, out var profile))
        {
            throw new JarPolicyException(clientId, ["Profile"], string.Create(CultureInfo.InvariantCulture,
                $"Client '{clientId}': unknown profile '{profileName}'. Known profiles: {string.Join(", ", BuiltIn.Keys)}."));
        }

        var builder = new Builder(clientId, profile);
        var policy = profile with
        {
            RequireRequestObject = builder.Requirement(nameof(JarPolicy.RequireRequestObject), profile.RequireRequestObject, overrides.RequireRequestObject),
            RequirePushedAuthorizationRequests = builder.Requirement(nameof(JarPolicy.RequirePushedAuthorizationRequests), profile.RequirePushedAuthorizationRequests, overrides.RequirePushedAuthorizationRequests),
            RequirePkce = builder.Requirement(nameof(JarPolicy.RequirePkce), profile.RequirePkce, overrides.RequirePkce),
            RequireRedirectUri = builder.Requirement(nameof(JarPolicy.RequireRedirectUri), profile.RequireRedirectUri, overrides.RequireRedirectUri),
            RequireScope = builder.Requirement(nameof(JarPolicy.RequireScope), profile.RequireScope, overrides.RequireScope),
            RequireNonceForOpenId = builder.Requirement(nameof(JarPolicy.RequireNonceForOpenId), profile.RequireNonceForOpenId, overrides.RequireNonceForOpenId),
            RequireNotBefore = builder.Requirement(nameof(JarPolicy.RequireNotBefore), profile.RequireNotBefore, overrides.RequireNotBefore),
            RequireIssuer = builder.Requirement(nameof(JarPolicy.RequireIssuer), profile.RequireIssuer, overrides.RequireIssuer),
            RequireJwtId = builder.Requirement(nameof(JarPolicy.RequireJwtId), profile.RequireJwtId, overrides.RequireJwtId),
            RequireEncryptedRequestObject = builder.Requirement(nameof(JarPolicy.RequireEncryptedRequestObject), profile.RequireEncryptedRequestObject, overrides.RequireEncryptedRequestObject),
            AllowedEncryptionAlgorithms = builder.Ceiling(nameof(JarPolicy.AllowedEncryptionAlgorithms), profile.AllowedEncryptionAlgorithms, overrides.AllowedEncryptionAlgorithms, static a => a)!,
            AllowedScopes = builder.Ceiling(nameof(JarPolicy.AllowedScopes), profile.AllowedScopes, overrides.AllowedScopes, static s => s),
            AllowedResponseTypes = builder.Ceiling(nameof(JarPolicy.AllowedResponseTypes), profile.AllowedResponseTypes, overrides.AllowedResponseTypes, NormalizeResponseType)!,
            AllowedSigningAlgorithms = builder.Algorithms(profile.AllowedSigningAlgorithms, overrides.AllowedSigningAlgorithms),
            MaxRequestObjectLifetime = builder.Duration(nameof(JarPolicy.MaxRequestObjectLifetime), profile.MaxRequestObjectLifetime, overrides.MaxRequestObjectLifetime, TimeSpan.FromSeconds(1)),
            ClockSkew = builder.Duration(nameof(JarPolicy.ClockSkew), profile.ClockSkew, overrides.ClockSkew, TimeSpan.Zero),
            Mode = builder.Neutral(nameof(JarPolicy.Mode), profile.Mode, overrides.Mode),
            OuterParameters = builder.Neutral(nameof(JarPolicy.OuterParameters), profile.OuterParameters, overrides.OuterParameters),
        };
        builder.ThrowIfInvalid();
        return new JarPolicyResolution(policy, builder.Sources);
    }

    /// <summary>A response type as a set: its space-separated values in ordinal order (<c>id_token code</c> is <c>code id_token</c>).</summary>
    public static string NormalizeResponseType(string responseType)
    {
        ArgumentNullException.ThrowIfNull(responseType);

        // The common single value (code) is already normal: checked on every request, so no split for it.
        if (!responseType.Contains(' ', StringComparison.Ordinal))
        {
            return responseType;
        }

        var values = responseType.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 1)
        {
            return values[0];
        }

        Array.Sort(values, StringComparer.Ordinal);
        return string.Join(' ', values);
    }

    private sealed class Builder(string clientId, JarPolicy profile)
    {
        private readonly List<string> _settings = [];
        private readonly List<string> _problems = [];
        private readonly Dictionary<string, string> _sources = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, string> Sources => _sources;

        public bool Requirement(string setting, bool profileValue, bool? value)
        {
            if (value is not { } v)
            {
                return From(setting, profileValue);
            }

            if (profileValue && !v)
            {
                Loosens(setting, $"profile '{profile.Profile}' requires it; a client may tighten its profile, never loosen it");
            }

            return Override(setting, v);
        }

        public IReadOnlySet<string>? Ceiling(string setting, IReadOnlySet<string>? profileValue, IReadOnlyList<string>? value, Func<string, string> normalize)
        {
            if (value is null)
            {
                return From(setting, profileValue);
            }

            var set = value.Select(normalize).ToFrozenSet(StringComparer.Ordinal);
            var beyond = profileValue is null ? [] : set.Where(v => !profileValue.Contains(v)).ToArray();
            if (beyond.Length > 0)
            {
                Loosens(setting, $"{string.Join(", ", beyond)} is not allowed by profile '{profile.Profile}' ({string.Join(", ", profileValue!)})");
            }

            return Override<IReadOnlySet<string>?>(setting, set);
        }

        public IReadOnlySet<string> Algorithms(IReadOnlySet<string> profileValue, IReadOnlyList<string>? value)
        {
            const string setting = nameof(JarPolicy.AllowedSigningAlgorithms);
            if (value is not null && value.Count == 0)
            {
                Loosens(setting, "an empty list would refuse every request object; remove the setting to keep the profile's list");
            }

            if (value is not null && value.Any(a => string.Equals(a, "none", StringComparison.OrdinalIgnoreCase)))
            {
                Loosens(setting, "'none' is never allowed (RFC 9101 §10.5)");
            }

            return Ceiling(setting, profileValue, value, static a => a)!;
        }

        public TimeSpan Duration(string setting, TimeSpan profileValue, TimeSpan? value, TimeSpan minimum)
        {
            if (value is not { } v)
            {
                return From(setting, profileValue);
            }

            if (v > profileValue)
            {
                Loosens(setting, $"{v} is longer than profile '{profile.Profile}' allows ({profileValue})");
            }
            else if (v < minimum)
            {
                Loosens(setting, $"{v} is below the minimum of {minimum}");
            }

            return Override(setting, v);
        }

        public T Neutral<T>(string setting, T profileValue, T? value)
            where T : struct => value is { } v ? Override(setting, v) : From(setting, profileValue);

        public void ThrowIfInvalid()
        {
            if (_problems.Count > 0)
            {
                throw new JarPolicyException(clientId, _settings, $"Client '{clientId}': invalid policy. {string.Join(" ", _problems)}");
            }
        }

        private void Loosens(string setting, string why)
        {
            // One setting can break two checks ('none' in AllowedSigningAlgorithms); it is named once.
            if (!_settings.Contains(setting))
            {
                _settings.Add(setting);
            }

            _problems.Add($"{setting}: {why}.");
        }

        private T From<T>(string setting, T value)
        {
            _sources[setting] = "profile:" + profile.Profile;
            return value;
        }

        private T Override<T>(string setting, T value)
        {
            _sources[setting] = "override";
            return value;
        }
    }
}
