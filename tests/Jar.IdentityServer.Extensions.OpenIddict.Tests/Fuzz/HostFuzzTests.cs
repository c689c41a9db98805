using System.Text;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Jar.IdentityServer.Extensions.Tests.Fuzz;
using Microsoft.AspNetCore.WebUtilities;
using Xunit.Abstractions;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of the OpenIddict host over HTTP: the engine's mutated request objects inside mutated
/// requests, by value and through PAR. Nothing answers 5xx; every refusal is an OAuth error; nothing that is not
/// signed by a key of the named client is ever accepted (a PAR 201, or a redirect or form post from the
/// authorization endpoint), and what is accepted goes where the object says.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class HostFuzzTests(OpenIddictHostFixture host, ITestOutputHelper output)
{
    /// <summary>Inputs per run: fewer than in process, each one is one or two HTTP exchanges with a real server.</summary>
    public const int Inputs = 5_000;

    /// <summary>The base seed of every CI run; <c>JAR_FUZZ_SEED</c> explores others.</summary>
    public const ulong Seed = 9126;

    private static readonly HashSet<string> AllowedAlgorithms = new(StringComparer.Ordinal) { "PS256", "ES256" };

    /// <summary>
    /// The error codes a refusal may carry: the engine's (JarErrors) and those OpenIddict answers with for its own
    /// checks, all registered OAuth codes (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1; RFC 9101 §7; RFC 9126 §2.3;
    /// OpenID Connect Core §3.1.2.6).
    /// </summary>
    private static readonly HashSet<string> OAuthErrors = new(StringComparer.Ordinal)
    {
        JarErrors.InvalidRequest, JarErrors.InvalidRequestObject, JarErrors.InvalidRequestUri, JarErrors.InvalidScope,
        JarErrors.UnauthorizedClient, JarErrors.InvalidClient, JarErrors.TemporarilyUnavailable,
        "invalid_grant", "invalid_token", "unsupported_response_type", "access_denied", "request_not_supported",
        "request_uri_not_supported", "login_required", "consent_required", "interaction_required", "invalid_target",
    };

    [Fact]
    public async Task Mutated_requests_never_get_a_5xx_are_refused_with_an_OAuth_error_and_never_accept_an_object_the_client_did_not_sign()
    {
        var report = await FuzzRun.RunAsync(
            HostFuzzInputs.Cases(host),
            CheckAsync,
            Inputs,
            Seed,
            Environment.ProcessorCount,
            static c => c.ToString(),
            output.WriteLine);

        output.WriteLine(report.Tally());
        if (Environment.GetEnvironmentVariable(FuzzRun.SeedVariable) is { } seed && !ulong.TryParse(seed, out _))
        {
            return;
        }

        report.Inputs.ShouldBe(Inputs);
        report.Count(static o => o.EndsWith(WithObject, StringComparison.Ordinal)).ShouldBeGreaterThan(Inputs / 50, report.Tally());
        report.Count(static o => o.StartsWith("JAR2", StringComparison.Ordinal)).ShouldBeGreaterThan(0, report.Tally());
        report.Count(static o => o.StartsWith("JAR4", StringComparison.Ordinal)).ShouldBeGreaterThan(0, report.Tally());
        report.Count(static o => o == JarRules.FormUnreadable.Id).ShouldBeGreaterThan(0, report.Tally()); // forms with a NUL or an unreadable media type
    }

    private const string WithObject = "with an object";

    private async Task<string> CheckAsync(HostFuzzCase input)
    {
        var (first, front) = await SendAsync(input);
        first.Status.ShouldBeLessThan(500, first.ToString());
        front?.Status.ShouldBeLessThan(500, front.ToString());

        var accepted = input.Delivery == HostDelivery.Pushed ? first.Status == 201 : first.Status is >= 200 and < 400;
        if (!accepted)
        {
            return Refusal(input, first);
        }

        var sent = input.Parameters.Where(static p => p.Name == "request" && p.Value.Length > 0).Select(static p => p.Value).ToArray();
        var answer = input.Delivery == HostDelivery.Pushed ? front : first;
        if (sent.Length == 0)
        {
            return "accepted without an object";
        }

        // RFC 9101 §6.2: the one object sent is signed by a key registered for the client the request names.
        sent.Length.ShouldBe(1, "an object sent twice is never accepted");
        var named = input.Single("client_id");
        var keys = host.Clients.All.FirstOrDefault(c => c.ClientId == named)?.RegisteredKeys.Select(static k => k.PublicJwk).ToArray() ?? [];
        SignatureOracle.WhyNotVerified(sent[0], keys, null, AllowedAlgorithms)
            .ShouldBeNull($"an accepted object's signature must verify with a key of '{named}' ({first.Status})");

        // RFC 9101 §6.3: the response goes where the object says, with the object's state.
        var parameters = SignatureOracle.Parameters(sent[0], out var problem).ShouldNotBeNull(problem);
        parameters.GetValueOrDefault("client_id").ShouldBe(named, "the object names the client that sent it");
        if (answer is { Status: 302 or 303, Location: { } location } && !location.AbsolutePath.EndsWith("/connect/authorize", StringComparison.Ordinal))
        {
            var (target, response) = Split(location.ToString());
            target.ShouldBe(parameters.GetValueOrDefault("redirect_uri"), "the redirect goes to the object's redirect_uri");
            (response.TryGetValue("state", out var state) ? state.ToString() : null).ShouldBe(parameters.GetValueOrDefault("state"), "the object's state comes back");
            return (response.ContainsKey("code") ? "code " : "error redirect ") + WithObject;
        }

        return $"{answer?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "pushed"} " + WithObject;
    }

    /// <summary>A refusal is an OAuth error; one the engine made carries its rule's code (RFC 9126 §2.1: invalid_client for an unknown client at PAR).</summary>
    private static string Refusal(HostFuzzCase input, EndpointAnswer answer)
    {
        answer.Status.ShouldBeOneOf([400, 401], answer.ToString());
        answer.Location.ShouldBeNull("a refusal before the redirect URI is proven is never redirected");
        var error = answer.Error.ShouldNotBeNull(answer.ToString());
        OAuthErrors.ShouldContain(error, answer.ToString());
        var description = answer.ErrorDescription ?? string.Empty;
        var rule = JarRules.All.FirstOrDefault(r => description.EndsWith($"(rule {r.Id})", StringComparison.Ordinal));
        if (rule is null)
        {
            return "host: " + error;
        }

        var expected = input.Delivery == HostDelivery.Pushed && rule == JarRules.ClientUnknown ? JarErrors.InvalidClient : rule.Error;
        error.ShouldBe(expected, $"{rule.Id} answers with its own code");
        return rule.Id;
    }

    private async Task<(EndpointAnswer First, EndpointAnswer? Front)> SendAsync(HostFuzzCase input)
    {
        var flow = host.Flow(input.Client);
        var parameters = input.Parameters.ToList();
        if (input.Delivery == HostDelivery.Pushed)
        {
            if (input.Authenticator is { } authenticator)
            {
                parameters.Add(("client_assertion_type", ClientAssertion.Type));
                parameters.Add(("client_assertion", ClientAssertion.Create(authenticator, host.Issuer, host.Time.GetUtcNow())));
            }

            var pushed = await PostAsync("connect/par", parameters, input);
            if (pushed.Status != 201 || !pushed.Parameters.TryGetValue("request_uri", out var requestUri))
            {
                return (pushed, null);
            }

            var front = await flow.AuthorizeAsync([new("client_id", input.Client.ClientId), new("request_uri", requestUri)]);
            return (pushed, front);
        }

        if (input.Delivery == HostDelivery.Form)
        {
            return (await PostAsync("connect/authorize", parameters, input), null);
        }

        using var response = await host.Http.GetAsync(new Uri("connect/authorize?" + FormEncoding.Encode(parameters) + input.RawSuffix, UriKind.Relative));
        return (await EndpointAnswer.ReadAsync(response), null);
    }

    private async Task<EndpointAnswer> PostAsync(string path, List<(string Name, string Value)> parameters, HostFuzzCase input)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(FormEncoding.Encode(parameters) + input.RawSuffix));
        if (input.ContentType is { } contentType)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        using var response = await host.Http.PostAsync(new Uri(path, UriKind.Relative), content);
        return await EndpointAnswer.ReadAsync(response);
    }

    /// <summary>A redirect's target without its response, and the response parameters from the query or the fragment.</summary>
    private static (string Target, Dictionary<string, Microsoft.Extensions.Primitives.StringValues> Response) Split(string location)
    {
        var at = location.IndexOfAny(['?', '#']);
        return at < 0 ? (location, []) : (location[..at], QueryHelpers.ParseQuery(location[(at + 1)..]));
    }
}
