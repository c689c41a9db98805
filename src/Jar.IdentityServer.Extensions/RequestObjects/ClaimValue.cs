using System.Text.Json;

namespace Jar.IdentityServer.Extensions.RequestObjects;

/// <summary>One top-level JSON member of a request object: its kind and its text (raw JSON for numbers, objects and arrays).</summary>
internal readonly record struct ClaimValue(JsonValueKind Kind, string Text)
{
    public bool IsString => Kind == JsonValueKind.String;
}
