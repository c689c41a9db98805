using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>Group H of docs/conformance/catalogue.md: the PAR endpoint and the life of a request_uri (RFC 9126).</summary>
[Collection(SharedConformanceHost.Name)]
public sealed class PushedRequestConformanceTests(ConformanceHost host)
{
    private const string PushedPrefix = "urn:ietf:params:oauth:request_uri:";

    [Fact, Row("H1")] // RFC 9126 §2.1: request_uri is not a PAR parameter.
    public async Task Refuses_a_request_uri_sent_to_the_PAR_endpoint()
    {
        var attempt = host.Attempt(host.Clients.C1);

        var answer = await attempt.PushAsync([new("client_id", "c1"), new("request_uri", PushedPrefix + "E2ooAbC")]);

        answer.ShouldBeJsonError(400, "invalid_request", "JAR109");
    }

    [Fact, Row("H1")] // The conformance suite sends it beside a valid object: the same code, from the request-and-request_uri rule.
    public async Task Refuses_a_request_uri_sent_to_the_PAR_endpoint_beside_a_request_object()
    {
        var attempt = host.Attempt(host.Clients.C1);

        var answer = await attempt.PushAsync([new("client_id", "c1"), new("request", attempt.RequestObject.Build()), new("request_uri", PushedPrefix + "E2ooAbC")]);

        answer.ShouldBeJsonError(400, "invalid_request", "JAR101");
    }

    [Theory, Row("H2")] // RFC 9126 §2.1, §2.3: POST only.
    [InlineData("PUT")]
    [InlineData("GET")]
    [InlineData("DELETE")]
    public async Task Refuses_a_PAR_request_that_is_not_a_POST(string method)
    {
        var attempt = host.Attempt(host.Clients.C1);
        using var request = new HttpRequestMessage(new HttpMethod(method), "connect/par?client_id=c1");
        if (method == "PUT")
        {
            request.Content = new FormUrlEncodedContent([new("client_id", "c1"), new("request", attempt.RequestObject.Build())]);
        }

        using var response = await host.BackChannel.SendAsync(request);
        var answer = await EndpointAnswer.ReadAsync(response);

        answer.ShouldBeJsonError(400, "invalid_request", rule: null);
    }

    [Fact, Row("H2")] // RFC 9126 §2.1: the client authenticates as at the token endpoint.
    public async Task Refuses_a_PAR_request_without_client_authentication()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Authenticator = null;

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_client", rule: null, status: 401);
    }

    [Fact, Row("H2")] // A C1 assertion signed with C2's key K2.
    public async Task Refuses_a_PAR_request_whose_client_assertion_is_signed_with_another_clients_key()
    {
        var attempt = host.Attempt(host.Clients.C1);
        attempt.Authenticator = host.Clients.C1 with { Key = host.Clients.K2 };

        var result = await attempt.SendAsync(Delivery.Pushed);

        result.ShouldBeRefused("invalid_client", rule: null, status: 401);
    }

    [Fact, Row("H3")] // FAPI 2.0 Security Profile §5.3.2.1-8: aud is the issuer as a single string, not an array.
    public async Task Refuses_a_client_assertion_whose_aud_is_an_array()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        attempt.AssertionClaims = claims => claims["aud"] = new JsonArray(ConformanceHost.Issuer, "https://other.example/");

        var result = await attempt.SendAsync(Delivery.Pushed);

        // OpenIddict ID2172: exactly one aud value.
        result.ShouldBeRefused("invalid_request", rule: null);
        result.Pushed!.Parameters["error_uri"].ShouldEndWith("/ID2172");
    }

    [Theory, Row("H3")] // ... nor another URL of this server: a failed client authentication (RFC 6749 §5.2).
    [InlineData("connect/par")]
    [InlineData("connect/token")]
    public async Task Refuses_a_client_assertion_whose_aud_is_an_endpoint_url(string endpoint)
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        attempt.AssertionClaims = claims => claims["aud"] = ConformanceHost.Issuer + endpoint;

        var result = await attempt.SendAsync(Delivery.Pushed);

        // OpenIddict's invalid_token (ID2094) answered as invalid_client by the adapter; error_uri still names the cause.
        result.ShouldBeRefused("invalid_client", rule: null, status: 401);
        result.Pushed!.Parameters["error_uri"].ShouldEndWith("/ID2094");
    }

    [Fact, Row("H4")] // RFC 9126 §2.2; FAPI 2.0 Security Profile §5.3.2.2-12; RFC 9101 §10.2(d).
    public async Task Answers_a_valid_PAR_with_201_a_fresh_request_uri_and_a_short_expires_in()
    {
        var tails = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            var attempt = host.Attempt(host.Clients.Fapi2);
            var form = new List<KeyValuePair<string, string>> { new("client_id", "fapi2"), new("request", attempt.RequestObject.Build()) };
            var answer = await attempt.PushAsync(form);

            answer.Status.ShouldBe(201, answer.ToString());
            answer.MediaType.ShouldBe("application/json");
            answer.Location.ShouldBeNull();
            answer.CacheControl.ShouldBe("no-store");
            answer.Parameters["expires_in"].ShouldBe(((int)ConformanceHost.RequestUriLifetime.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture));
            answer.Parameters.Keys.Order().ShouldBe(["expires_in", "request_uri"]);
            var requestUri = answer.Parameters["request_uri"];
            requestUri.ShouldStartWith(PushedPrefix);
            tails.Add(requestUri[PushedPrefix.Length..]);
        }

        // At least 128 bits of randomness: base64url characters (6 bits each), all distinct across the samples.
        tails.ShouldAllBe(t => t.Length * 6 >= 128 && t.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'));
        tails.Distinct().Count().ShouldBe(tails.Count);
        Enumerable.Range(0, tails.Min(t => t.Length)).Count(i => tails.Select(t => t[i]).Distinct().Count() > 1).ShouldBeGreaterThan(tails.Min(t => t.Length) * 3 / 4);
    }

    [Fact, Row("H5")] // RFC 9126 §2.2: the request_uri is refused once expires_in has passed (the host's clock moves past it).
    public async Task Refuses_an_expired_request_uri()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var requestUri = (await attempt.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull().Parameters["request_uri"];
        host.Clock.Advance(ConformanceHost.RequestUriLifetime + TimeSpan.FromSeconds(1));

        var answer = await attempt.AuthorizeWithRequestUriAsync(requestUri);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.Parameters["error_uri"].ShouldEndWith("/ID2019");
    }

    [Theory, Row("H5")] // Never issued: a random tail; or a valid one with one character changed.
    [InlineData("random")]
    [InlineData("tampered")]
    public async Task Refuses_a_request_uri_that_was_never_issued(string kind)
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var issued = (await attempt.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull().Parameters["request_uri"];
        var requestUri = kind == "random"
            ? PushedPrefix + Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))
            : issued[..^1] + (issued[^1] == 'A' ? 'B' : 'A');

        var answer = await attempt.AuthorizeWithRequestUriAsync(requestUri);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.Parameters["error_uri"].ShouldEndWith("/ID2004");
    }

    [Fact, Row("H6")] // RFC 9126 §7.3: one-time use; a second authorization after the first completed is refused.
    public async Task Refuses_a_request_uri_used_again_after_a_completed_flow()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var first = await attempt.SendAsync(Delivery.Pushed);
        await first.ShouldGrantCodeAsync();
        var requestUri = first.Pushed!.Parameters["request_uri"];

        var answer = await host.Attempt(host.Clients.Fapi2).AuthorizeWithRequestUriAsync(requestUri);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR701");
        answer.Parameters["error_uri"].ShouldEndWith("/ID2013");
    }

    [Fact, Row("H6"), Row("P5")] // ... while reloading before the user has finished still works.
    public async Task Accepts_the_same_request_uri_again_before_the_flow_completes()
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var result = await attempt.SendAsync(Delivery.Pushed);
        var reload = await attempt.AuthorizeWithRequestUriAsync(result.Pushed!.Parameters["request_uri"]);

        reload.Status.ShouldBe(302, reload.ToString());
        await (result with { Authorization = reload }).ShouldGrantCodeAsync();
    }

    [Theory, Row("H8"), Row("H9")] // RFC 9101 §10.4: only this server's own pushed URIs, never fetched from elsewhere.
    [InlineData("http")]
    [InlineData("https-unregistered")]
    public async Task Refuses_a_request_uri_not_issued_by_the_PAR_endpoint_without_fetching_it(string kind)
    {
        // A listener on loopback stands where the object would be: nothing may connect to it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var attempt = host.Attempt(host.Clients.C1);
        var requestUri = kind == "http" ? $"http://127.0.0.1:{port}/ro.jwt" : $"https://127.0.0.1:{port}/ro.jwt";

        var answer = await attempt.AuthorizeAsync([new("client_id", "c1"), new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR106");
        listener.Pending().ShouldBeFalse();
    }

    [Fact, Row("H8")] // FAPI 2.0: the same for the FAPI 2 client, whose requests must come through PAR anyway.
    public async Task Refuses_a_foreign_request_uri_from_a_FAPI2_client()
    {
        var answer = await host.Attempt(host.Clients.Fapi2).AuthorizeAsync([new("client_id", "fapi2"), new("request_uri", "https://fapi2.example/ro.jwt")]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR106");
    }

    [Theory, Row("H10")] // RFC 9126 §2.1: every object defect (named by its row) is refused at PAR with the row's code, never with a 201.
    [InlineData("B1: alg=none", "invalid_request_object", "JAR201")]
    [InlineData("B2: alg=RS256", "invalid_request_object", "JAR202")]
    [InlineData("B6: bad-signature", "invalid_request_object", "JAR205")]
    [InlineData("B7: key=K2", "invalid_request_object", "JAR203")]
    [InlineData("B12: typ=at+jwt", "invalid_request_object", "JAR206")]
    [InlineData("C1: -exp", "invalid_request_object", "JAR301")]
    [InlineData("C2: nbf=now-3660;exp=now-3600", "invalid_request_object", "JAR302")]
    [InlineData("C3: exp=now+4200", "invalid_request_object", "JAR305")]
    [InlineData("C4: -nbf", "invalid_request_object", "JAR303")]
    [InlineData("C5: nbf=now-4200;exp=now+300", "invalid_request_object", "JAR306")]
    [InlineData("D1: -aud", "invalid_request_object", "JAR402")]
    [InlineData("D2: aud=\"{ISS}connect/par\"", "invalid_request_object", "JAR402")]
    [InlineData("D4: iss=\"c2\"", "invalid_request_object", "JAR401")]
    [InlineData("D7: -client_id", "invalid_request_object", "JAR403")]
    [InlineData("F1: redirect_uri=\"https://junk.io/junk/callback\"", "invalid_request", "JAR607")]
    [InlineData("G1: -code_challenge;-code_challenge_method", "invalid_request", "JAR603")]
    [InlineData("G2: code_challenge_method=\"plain\"", "invalid_request", "JAR604")]
    public async Task Refuses_at_PAR_a_FAPI2_object_with_any_defect(string rowAndDefect, string error, string rule)
    {
        var attempt = host.Attempt(host.Clients.Fapi2);
        var defect = rowAndDefect[(rowAndDefect.IndexOf(": ", StringComparison.Ordinal) + 2)..];
        var requestObject = defect switch
        {
            "alg=none" => attempt.RequestObject.Unsigned("none").Build(),
            "alg=RS256" => attempt.RequestObject.SignWith(host.Clients.KF2, "RS256").Build(),
            "key=K2" => attempt.RequestObject.SignWith(host.Clients.K2).Build(),
            "typ=at+jwt" => attempt.RequestObject.WithHeader("typ", "at+jwt").Build(),
            "bad-signature" => attempt.RequestObject.Build()[..^4] + "AAAA",
            _ => attempt.Edit(defect).RequestObject.Build(),
        };

        var result = await attempt.SendAsync(Delivery.Pushed, requestObject);

        result.ShouldBeRefused(error, rule);
    }
}
