namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Client;

/// <summary>The two shapes of a refusal (openiddict-notes.md §4), each with its exact status, error and rule id.</summary>
internal static class EndpointAnswerAssertions
{
    /// <summary>The authorization endpoint's local error page: no redirect (RFC 6749 §4.1.2.1), <c>text/plain</c>.</summary>
    public static void ShouldBeLocalErrorPage(this EndpointAnswer answer, int status, string error, string rule)
    {
        answer.Status.ShouldBe(status, answer.ToString());
        answer.Location.ShouldBeNull(answer.ToString());
        answer.MediaType.ShouldBe("text/plain");
        answer.Error.ShouldBe(error, answer.ToString());
        answer.ErrorDescription.ShouldNotBeNull().ShouldEndWith($"(rule {rule})", Case.Sensitive, answer.ToString());
    }

    /// <summary>An OAuth JSON error (RFC 6749 §5.2), as the PAR endpoint answers (RFC 9126 §2.3).</summary>
    public static void ShouldBeJsonError(this EndpointAnswer answer, int status, string error, string rule)
    {
        answer.Status.ShouldBe(status, answer.ToString());
        answer.Location.ShouldBeNull(answer.ToString());
        answer.MediaType.ShouldBe("application/json");
        answer.Error.ShouldBe(error, answer.ToString());
        answer.ErrorDescription.ShouldNotBeNull().ShouldEndWith($"(rule {rule})", Case.Sensitive, answer.ToString());
    }
}
