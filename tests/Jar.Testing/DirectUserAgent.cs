namespace Jar.Testing;

/// <summary>A user agent for a server that grants as soon as it accepts a request: no sign-in, no consent.</summary>
public sealed class DirectUserAgent(HttpClient http) : IUserAgent
{
    public async Task<EndpointAnswer> GetAsync(Uri url)
    {
        using var response = await http.GetAsync(url).ConfigureAwait(false);
        return await EndpointAnswer.ReadAsync(response).ConfigureAwait(false);
    }

    public Task<EndpointAnswer> ApproveAsync(EndpointAnswer accepted) => Task.FromResult(accepted);
}
