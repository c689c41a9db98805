using System.Collections;
using System.Globalization;
using System.Reflection;
using Jar.IdentityServer.Extensions;
using Jar.IdentityServer.Extensions.EntityFramework;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// A client's stored policy as the <c>policy</c> command and the <c>/policies</c> page show it: where it is kept, the
/// overrides as stored, and every setting of the effective policy with its value and whether the profile or an
/// override set it.
/// </summary>
public sealed class PolicyView
{
    // Every setting of the policy record, in declaration order, so the view follows the engine's model as it grows.
    private static readonly PropertyInfo[] Settings = typeof(JarPolicy)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.Name != nameof(JarPolicy.Profile))
        .OrderBy(p => p.MetadataToken)
        .ToArray();

    /// <summary>Builds the view of <paramref name="stored"/>.</summary>
    public PolicyView(JarStoredPolicy stored, string defaultProfile)
    {
        ArgumentNullException.ThrowIfNull(stored);
        Stored = stored;
        var policy = stored.Resolution.Policy;
        Rows = Settings.Select(p => new PolicyRow(p.Name, Describe(p.GetValue(policy)), stored.Resolution.Sources.TryGetValue(p.Name, out var source) ? source : "-")).ToArray();
        Profile = stored.Overrides?.Profile is null
            ? $"{policy.Profile} (none named: the server's default profile, Jar:DefaultProfile = {defaultProfile})"
            : $"{policy.Profile} (named by the policy)";
        Where = stored.Origin switch
        {
            JarPolicyOrigin.Database => string.Create(CultureInfo.InvariantCulture, $"stored in JarClientPolicies, revision {stored.Revision}, updated {stored.UpdatedAt:yyyy-MM-dd'T'HH:mm:ss}Z"),
            JarPolicyOrigin.Configuration => $"not stored yet: Jar:Clients:{stored.ClientId}:Policy from configuration (stored on the host's next start)",
            _ => "not stored: the default profile as it is",
        };
    }

    /// <summary>The policy as the store resolved it.</summary>
    public JarStoredPolicy Stored { get; }

    /// <summary>The client.</summary>
    public string ClientId => Stored.ClientId;

    /// <summary>Where the policy is kept.</summary>
    public string Where { get; }

    /// <summary>The overrides as JSON, in the shape <c>policy set</c> takes.</summary>
    public string Overrides => PolicyJson.Write(Stored.Overrides);

    /// <summary>The profile, and whether the policy named it.</summary>
    public string Profile { get; }

    /// <summary>Every setting but the profile.</summary>
    public IReadOnlyList<PolicyRow> Rows { get; }

    /// <summary>The view as text, for a terminal.</summary>
    public string Format()
    {
        var text = new System.Text.StringBuilder();
        text.Append("Client     ").AppendLine(ClientId)
            .Append("Policy     ").AppendLine(Where)
            .Append("Overrides  ").AppendLine(Overrides)
            .Append("Profile    ").AppendLine(Profile)
            .AppendLine();
        var nameWidth = Math.Max("Setting".Length, Rows.Max(r => r.Setting.Length)) + 2;
        var valueWidth = Math.Max("Value".Length, Rows.Max(r => r.Value.Length)) + 2;
        text.Append("Setting".PadRight(nameWidth)).Append("Value".PadRight(valueWidth)).AppendLine("Source");
        foreach (var row in Rows)
        {
            text.Append(row.Setting.PadRight(nameWidth)).Append(row.Value.PadRight(valueWidth)).AppendLine(row.Source);
        }

        return text.ToString();
    }

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
