using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jar.SampleHost.Demo;

/// <summary>The token endpoint's answer to a code redemption, as received.</summary>
/// <param name="Status">The HTTP status code.</param>
/// <param name="Body">The response body.</param>
public sealed record DemoTokenResponse(int Status, string Body)
{
    /// <summary>The body indented, when it is JSON.</summary>
    public string Pretty
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? Body;
            }
            catch (JsonException)
            {
                return Body;
            }
        }
    }

    /// <summary>A string member of the JSON body, or null.</summary>
    public string? this[string name]
    {
        get
        {
            try
            {
                return JsonNode.Parse(Body) is JsonObject json && json[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
