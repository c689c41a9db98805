using System.Text.Json;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// The JSON of <see cref="JarClientPolicy.OverridesJson"/>: every override but the profile, which has its own
/// column. Read strictly: a member this version does not know is an error, never a dropped setting.
/// </summary>
internal static class JarPolicyJson
{
    public static string Write(JarPolicyOverrides overrides) =>
        JsonSerializer.Serialize(overrides with { Profile = null }, JarPolicyJsonContext.Default.JarPolicyOverrides);

    public static JarPolicyOverrides Read(JarClientPolicy row)
    {
        var overrides = JsonSerializer.Deserialize(row.OverridesJson, JarPolicyJsonContext.Default.JarPolicyOverrides)
            ?? throw new JsonException($"Client '{row.ClientId}': the stored overrides are null.");
        if (overrides.Profile is not null)
        {
            throw new JsonException($"Client '{row.ClientId}': the stored overrides name a profile; it belongs in the Profile column.");
        }

        return overrides with { Profile = row.Profile };
    }
}
