using Jar.Testing;

namespace Jar.SampleHost.Tests.Operations;

/// <summary>A user agent that only sends the authorization request and reads the answer: no sign-in, no consent.</summary>
public sealed class RequestOnlyUserAgent(HttpClient http) : IUserAgent
{
    public async Task<EndpointAnswer> GetAsync(Uri url)
    {
        using var response = await http.GetAsync(url);
        return await EndpointAnswer.ReadAsync(response);
    }

    public Task<EndpointAnswer> ApproveAsync(EndpointAnswer accepted) =>
        throw new NotSupportedException("This user agent does not sign in; use an in-memory instance for the whole flow.");
}
