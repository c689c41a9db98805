using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Jar.SampleHost.Tests;

/// <summary>What a user's browser does, one request at a time: follow a link, read a page, submit a form.</summary>
public sealed class Browser(HttpClient http) : IDisposable
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Http => http;

    /// <summary>
    /// The host serves every URL of this test, including the demo redirect URI http://127.0.0.1:5080/callback, so an
    /// absolute URL is followed by its path and query on the in-memory server.
    /// </summary>
    public static Uri Local(Uri url) => url.IsAbsoluteUri ? new Uri(url.PathAndQuery, UriKind.Relative) : url;

    public Task<HttpResponseMessage> GetAsync(Uri url) => http.GetAsync(Local(url));

    public static Uri Location(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"expected a redirect from {response.RequestMessage?.RequestUri}");
        return response.Headers.Location.ShouldNotBeNull();
    }

    public static async Task<IHtmlDocument> ReadPageAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Submits <paramref name="form"/> with its inputs (hidden ones included), the typed values and the pressed button.</summary>
    public Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Uri page, IReadOnlyDictionary<string, string>? typed = null, IElement? button = null)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll<IHtmlInputElement>("input[name]"))
        {
            var value = typed is not null && typed.TryGetValue(input.Name!, out var t) ? t : input.Value;
            fields.Add(new(input.Name!, value));
        }

        if (button?.GetAttribute("name") is { } name)
        {
            fields.Add(new(name, button.GetAttribute("value") ?? string.Empty));
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? new Uri(a, UriKind.RelativeOrAbsolute) : page;
        return http.PostAsync(Local(action), new FormUrlEncodedContent(fields));
    }

    public void Dispose() => http.Dispose();
}
