using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Jar.IdentityServer.Extensions;

namespace Jar.SampleHost.Hardening;

/// <summary>
/// A <see cref="JarPolicyOverrides"/> as JSON with the names and values of <c>Jar:Clients:&lt;id&gt;:Policy</c> in
/// appsettings.json (<c>{"Profile":"strict","RequireRequestObject":true}</c>): what <c>policy show</c> prints and
/// <c>policy set</c> reads. Read strictly: a setting this version does not know is an error, never dropped.
/// </summary>
internal static class PolicyJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNameCaseInsensitive = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false) },
    };

    public static string Write(JarPolicyOverrides? overrides) => JsonSerializer.Serialize(overrides ?? new JarPolicyOverrides(), Options);

    public static JsonObject ToNode(JarPolicyOverrides? overrides) =>
        JsonSerializer.SerializeToNode(overrides ?? new JarPolicyOverrides(), Options)!.AsObject();

    /// <exception cref="JsonException">A setting this version does not know, or a value not of its setting's type; the path names the setting.</exception>
    public static JarPolicyOverrides Read(JsonObject json) => json.Deserialize<JarPolicyOverrides>(Options) ?? new JarPolicyOverrides();
}
