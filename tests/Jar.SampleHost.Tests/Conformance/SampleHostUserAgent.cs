using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>The user's browser on the sample host: the user signs in as the demo user and answers the consent page.</summary>
public sealed class SampleHostUserAgent(Browser browser) : IUserAgent
{
    public async Task<EndpointAnswer> GetAsync(Uri url)
    {
        using var response = await browser.GetAsync(url);
        var answer = await EndpointAnswer.ReadAsync(response);

        // The host answers every refusal it does not redirect with its own page, never OpenIddict's plain text.
        if (answer.Status == 400)
        {
            answer.MediaType.ShouldBe("text/html", answer.ToString());
        }

        return answer;
    }

    public Task<EndpointAnswer> ApproveAsync(EndpointAnswer accepted) => DecideAsync(accepted, "allow");

    /// <summary>Signs in and answers the consent page with <paramref name="decision"/> (<c>allow</c> or <c>deny</c>).</summary>
    public async Task<EndpointAnswer> DecideAsync(EndpointAnswer accepted, string decision)
    {
        ArgumentNullException.ThrowIfNull(accepted);
        accepted.Status.ShouldBe(302, accepted.ToString());
        var (_, answer) = await AuthorizationFlow.SignInAndDecideAsync(browser, accepted.Location.ShouldNotBeNull(), decision);
        using (answer)
        {
            return await EndpointAnswer.ReadAsync(answer);
        }
    }
}
