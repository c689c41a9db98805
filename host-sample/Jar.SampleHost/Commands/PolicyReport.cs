using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Commands;

/// <summary>A client's effective policy as a table: every setting, its value, and whether the profile or an override set it.</summary>
internal static class PolicyReport
{
    // Every setting of the policy record, in declaration order, so the report follows the engine's model as it grows.
    private static readonly PropertyInfo[] Settings = typeof(JarPolicy)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(JarPolicy.Profile))
        .OrderBy(p => p.MetadataToken)
        .ToArray();

    public static string Format(string clientId, JarPolicyOverrides? overrides, string defaultProfile, JarPolicyResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var policy = resolution.Policy;
        var text = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        text.Append(invariant, $"Client   {clientId}").AppendLine();
        text.Append(invariant, $"Profile  {policy.Profile} ({(overrides?.Profile is null ? $"default profile, Jar:DefaultProfile = {defaultProfile}" : $"set by Jar:Clients:{clientId}:Policy:Profile")})").AppendLine();
        text.AppendLine();

        var rows = Settings.Select(p => (Name: p.Name, Value: Describe(p.GetValue(policy)), Source: Source(resolution, p.Name, clientId))).ToArray();
        var nameWidth = Math.Max("Setting".Length, rows.Max(r => r.Name.Length)) + 2;
        var valueWidth = Math.Max("Value".Length, rows.Max(r => r.Value.Length)) + 2;
        text.Append("Setting".PadRight(nameWidth)).Append("Value".PadRight(valueWidth)).AppendLine("Source");
        foreach (var (name, value, source) in rows)
        {
            text.Append(name.PadRight(nameWidth)).Append(value.PadRight(valueWidth)).AppendLine(source);
        }

        return text.ToString();
    }

    private static string Source(JarPolicyResolution resolution, string setting, string clientId) =>
        resolution.Sources.TryGetValue(setting, out var source)
            ? source == "override" ? $"override (Jar:Clients:{clientId}:Policy:{setting})" : source
            : "-";

    private static string Describe(object? value) => value switch
    {
        null => "(none: the client's registration decides)",
        bool flag => flag ? "true" : "false",
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        string text => text,
        IEnumerable values => string.Join(", ", values.Cast<object>().Select(v => v.ToString()).Order(StringComparer.Ordinal)),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty,
    };
}
