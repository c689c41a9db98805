using System.Text.Json.Serialization;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Source-generated serialization of <see cref="JarPolicyOverrides"/> for <see cref="JarPolicyJson"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(JarPolicyOverrides))]
internal sealed partial class JarPolicyJsonContext : JsonSerializerContext;
