namespace Jar.Testing;

/// <summary>
/// The two shapes of a refusal (openiddict-notes.md §4), each with its exact status, error and rule id. A null rule
/// means the host itself answered, not the JAR engine: then the description must carry no rule id.
/// </summary>
public static class EndpointAnswerAssertions
{
    /// <summary>
    /// The authorization endpoint's local error page: no redirect (RFC 6749 §4.1.2.1); OpenIddict's <c>text/plain</c>
    /// page, or a host's HTML page that marks the parameters (the sample host's user agent checks it is that one).
    /// </summary>
    public static void ShouldBeLocalErrorPage(this EndpointAnswer answer, int status, string error, string? rule)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer.MediaType.ShouldBeOneOf(["text/plain", "text/html"], answer.ToString());
        answer.ShouldBeError(status, error, rule);
    }

    /// <summary>An OAuth JSON error (RFC 6749 §5.2), as the PAR and token endpoints answer (RFC 9126 §2.3).</summary>
    public static void ShouldBeJsonError(this EndpointAnswer answer, int status, string error, string? rule)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer.MediaType.ShouldBe("application/json", answer.ToString());
        answer.ShouldBeError(status, error, rule);
    }

    private static void ShouldBeError(this EndpointAnswer answer, int status, string error, string? rule)
    {
        answer.Status.ShouldBe(status, answer.ToString());
        answer.Location.ShouldBeNull(answer.ToString());
        answer.Error.ShouldBe(error, answer.ToString());
        var description = answer.ErrorDescription.ShouldNotBeNull(answer.ToString());
        if (rule is null)
        {
            description.ShouldNotContain("(rule JAR", Case.Sensitive, answer.ToString());
        }
        else
        {
            description.ShouldEndWith($"(rule {rule})", Case.Sensitive, answer.ToString());
        }
    }
}
