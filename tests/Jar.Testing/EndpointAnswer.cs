using System.Text.Json;

namespace Jar.Testing;

/// <summary>
/// One HTTP answer, read the way a client reads it: status, media type, Location, and the parameters of a JSON
/// body, of OpenIddict's local <c>text/plain</c> error page (<c>name:value</c> lines), or of a host's own HTML error page
/// (each parameter in an element with a <c>data-oauth</c> attribute naming it).
/// </summary>
public sealed record EndpointAnswer(int Status, string? MediaType, Uri? Location, IReadOnlyDictionary<string, string> Parameters, string Body, string? CacheControl)
{
    public string? Error => Parameters.GetValueOrDefault("error");

    public string? ErrorDescription => Parameters.GetValueOrDefault("error_description");

    public static async Task<EndpointAnswer> ReadAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (mediaType == "application/json")
        {
            using var document = JsonDocument.Parse(body);
            foreach (var member in document.RootElement.EnumerateObject())
            {
                parameters[member.Name] = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText();
            }
        }
        else if (mediaType == "text/plain")
        {
            foreach (var line in body.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var colon = line.IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                {
                    parameters[line[..colon]] = line[(colon + 1)..];
                }
            }
        }

        else if (mediaType == "text/html")
        {
            using var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(body);
            foreach (var element in document.QuerySelectorAll("[data-oauth]"))
            {
                parameters[element.GetAttribute("data-oauth")!] = element.TextContent;
            }
        }

        return new EndpointAnswer((int)response.StatusCode, mediaType, response.Headers.Location, parameters, body, response.Headers.CacheControl?.ToString());
    }

    public override string ToString() => $"{Status} {MediaType} Location={Location} {Body}";
}
