using System.Text.Json.Serialization;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Source-generated serialization of <see cref="JarPolicyOverrides"/> for <see cref="JarPolicyJson"/>, and of the loosenings of a recorded policy change.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(JarPolicyOverrides))]
[JsonSerializable(typeof(JarPolicyLoosening[]))]
internal sealed partial class JarPolicyJsonContext : JsonSerializerContext;
