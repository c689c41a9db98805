using Microsoft.Playwright;

namespace Jar.Testing.Browser;

/// <summary>A page and the context it lives in (its cookies and storage); disposing closes both.</summary>
public sealed class BrowserPage(IBrowserContext context, IPage page) : IAsyncDisposable
{
    /// <summary>The browser context: cookies, routes, storage.</summary>
    public IBrowserContext Context { get; } = context;

    /// <summary>The page.</summary>
    public IPage Page { get; } = page;

    public async ValueTask DisposeAsync() => await Context.CloseAsync().ConfigureAwait(false);
}
