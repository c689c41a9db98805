using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// Reads the arguments of <c>policy set &lt;client&gt; [&lt;json&gt;] [--Setting value ...]</c> into the client's new
/// overrides. A JSON object replaces the overrides as a whole (the same document as <c>Jar:Clients:&lt;id&gt;:Policy</c>);
/// each <c>--Setting value</c> then changes one setting of what is there (<c>--Setting null</c> removes the override,
/// so the profile's value applies again). Host options (<c>--urls</c>, <c>--Database:Provider …</c>) are passed over:
/// they are the host's configuration.
/// </summary>
internal static class PolicyArguments
{
    /// <summary>The value that removes an override.</summary>
    public const string Unset = "null";

    // The host's own command-line keys without a ':' (WebApplication's, and Kestrel's urls).
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "urls", "environment", "contentRoot", "applicationName", "AllowedHosts" };

    /// <summary>Every setting of <see cref="JarPolicyOverrides"/> by name, case-insensitive as in configuration.</summary>
    public static IReadOnlyDictionary<string, PropertyInfo> Settings { get; } = typeof(JarPolicyOverrides)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The new overrides: <paramref name="current"/> changed by <paramref name="arguments"/>.</summary>
    /// <exception cref="FormatException">The arguments are not a policy; the message names the setting or argument.</exception>
    public static JarPolicyOverrides Apply(JarPolicyOverrides? current, IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var policy = PolicyJson.ToNode(current);
        var changed = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            if (!argument.StartsWith('-'))
            {
                if (i != 0 || !argument.TrimStart().StartsWith('{'))
                {
                    throw new FormatException($"'{argument}' is neither a JSON policy (first, in braces) nor a --Setting.");
                }

                policy = Parse(argument);
                changed = true;
                continue;
            }

            var name = argument.TrimStart('-');
            string? value = null;
            if (name.IndexOf('=', StringComparison.Ordinal) is var equals and >= 0)
            {
                value = name[(equals + 1)..];
                name = name[..equals];
            }
            else if (i + 1 < arguments.Count && !arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = arguments[++i];
            }

            if (name.Contains(':', StringComparison.Ordinal) || HostKeys.Contains(name))
            {
                continue;
            }

            if (!Settings.TryGetValue(name, out var setting))
            {
                throw new FormatException($"--{name}: not a policy setting. Settings: {string.Join(", ", Settings.Keys)}.");
            }

            if (value is null)
            {
                throw new FormatException($"--{setting.Name}: give a value, or '{Unset}' to remove the override.");
            }

            foreach (var existing in policy.Select(p => p.Key).Where(k => k.Equals(setting.Name, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                policy.Remove(existing);
            }

            if (value != Unset)
            {
                policy[setting.Name] = Node(setting, value);
            }

            changed = true;
        }

        if (!changed)
        {
            throw new FormatException("give the policy as JSON, or at least one --Setting value.");
        }

        try
        {
            return PolicyJson.Read(policy);
        }
        catch (JsonException e)
        {
            throw new FormatException(Describe(e, policy), e);
        }
    }

    private static JsonObject Parse(string json)
    {
        JsonObject policy;
        try
        {
            // The argument starts with '{': it is an object, or not JSON at all.
            policy = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip })!.AsObject();
        }
        catch (JsonException e)
        {
            throw new FormatException($"the policy is not valid JSON: {e.Message}", e);
        }

        // A null member is an unset one, as when it is left out.
        foreach (var unset in policy.Where(p => p.Value is null).Select(p => p.Key).ToList())
        {
            policy.Remove(unset);
        }

        return policy;
    }

    // A flag's text as the JSON value of its setting; the types are checked again when the whole policy is read.
    private static JsonNode Node(PropertyInfo setting, string value)
    {
        var type = Nullable.GetUnderlyingType(setting.PropertyType) ?? setting.PropertyType;
        if (type == typeof(bool))
        {
            return bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : throw Invalid(setting, $"'{value}'");
        }

        if (type == typeof(IReadOnlyList<string>))
        {
            return new JsonArray(value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        }

        if (type.IsEnum && !(Enum.TryParse(type, value, ignoreCase: true, out var named) && Enum.IsDefined(type, named!) && !char.IsAsciiDigit(value[0])))
        {
            throw Invalid(setting, $"'{value}'");
        }

        if (type == typeof(TimeSpan) && !TimeSpan.TryParseExact(value, "c", CultureInfo.InvariantCulture, out _))
        {
            throw Invalid(setting, $"'{value}'");
        }

        return JsonValue.Create(value);
    }

    private static FormatException Invalid(PropertyInfo setting, string value) => new($"{setting.Name}: {value} is not {Expected(setting)}.");

    private static string Expected(PropertyInfo setting)
    {
        var type = Nullable.GetUnderlyingType(setting.PropertyType) ?? setting.PropertyType;
        return type == typeof(bool) ? "true or false"
            : type == typeof(TimeSpan) ? "a duration such as 00:10:00"
            : type.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(type))}"
            : type == typeof(string) ? "a string"
            : "a list of strings";
    }

    // System.Text.Json names the member by its path ($.RequireJwtId); the message says what that setting takes.
    private static string Describe(JsonException e, JsonObject policy)
    {
        var name = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.').Split('.', '[')[0] : null;
        if (name is null || !Settings.TryGetValue(name, out var setting))
        {
            return e.Message;
        }

        var value = policy.FirstOrDefault(p => p.Key.Equals(setting.Name, StringComparison.OrdinalIgnoreCase)).Value?.ToJsonString() ?? "the value";
        return Invalid(setting, value).Message;
    }
}
