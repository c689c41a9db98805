using System.Text;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>
/// JAR110: a form ASP.NET Core cannot read, posted to the authorization endpoint (OpenID Connect Core §3.1.2.1) or to
/// the PAR endpoint (RFC 9126 §2.1), is refused with 400 <c>invalid_request</c> (RFC 6749 §4.1.2.1, RFC 9126 §2.3),
/// never redirected and never a 500; the description says nothing of the reader's exception.
/// </summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class UnreadableFormTests(OpenIddictHostFixture host)
{
    private const string Form = "application/x-www-form-urlencoded";

    private const string Description = "The request's form cannot be read: it is malformed, exceeds the form limits or uses an unsupported encoding. (rule JAR110)";

    public static TheoryData<string, string> Defects()
    {
        var data = new TheoryData<string, string>();
        foreach (var endpoint in (string[])["connect/authorize", "connect/par", "connect/token"])
        {
            foreach (var defect in (string[])
            [
                "NUL in a value", "NUL in a name", "media type with an empty parameter", "media type list", "charset=utf-16",
                "charset=utf-7", "key over 2048 characters", "value over 4 MiB", "over 1024 values",
            ])
            {
                data.Add(endpoint, defect);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Defects))]
    public async Task Refuses_a_form_that_cannot_be_read_with_invalid_request_and_no_redirect(string endpoint, string defect)
    {
        var parameters = Parameters(endpoint);
        var contentType = Form;
        switch (defect)
        {
            case "NUL in a value": parameters.Add(("state", "st\0")); break;
            case "NUL in a name": parameters.Add(("st\0te", "st")); break;
            case "media type with an empty parameter": contentType = Form + ";;"; break;
            case "media type list": contentType = Form + ", text/plain"; break;

            // The ASCII body read as UTF-16 is one key of half its length, past the 2048 limit.
            case "charset=utf-16": contentType = Form + "; charset=utf-16"; parameters.Add(("padding", new string('p', 4_200))); break;
            case "charset=utf-7": contentType = Form + "; charset=utf-7"; break; // disabled in .NET (SYSLIB0001)
            case "key over 2048 characters": parameters.Add((new string('k', 2_049), "1")); break;
            case "value over 4 MiB": parameters.Add(("padding", new string('v', (4 * 1024 * 1024) + 1))); break;
            case "over 1024 values": parameters.AddRange(Enumerable.Range(0, 1_025).Select(static i => ($"p{i}", "1"))); break;
            default: throw new ArgumentOutOfRangeException(nameof(defect), defect, null);
        }

        var answer = await PostAsync(endpoint, parameters, contentType);

        if (endpoint is "connect/par" or "connect/token")
        {
            answer.ShouldBeJsonError(400, "invalid_request", "JAR110");
            answer.Parameters.ShouldNotContainKey("request_uri");
            answer.Parameters.ShouldNotContainKey("access_token");
        }
        else
        {
            answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR110");
        }

        answer.ErrorDescription.ShouldBe(Description);
    }

    [Theory] // The form is read once, before OpenIddict's extraction, which then uses what was read.
    [InlineData(Form)]
    [InlineData(Form + "; charset=utf-8")]
    [InlineData("Application/X-WWW-Form-UrlEncoded")]
    public async Task Accepts_a_readable_form_at_the_authorization_endpoint(string contentType)
    {
        var flow = host.Flow(host.Clients.C1);
        var parameters = new List<(string, string)> { ("client_id", "c1"), ("request", flow.RequestObject.Build()) };

        var answer = await PostAsync("connect/authorize", parameters, contentType);

        await new FlowResult(flow, Delivery.ByValue, null, answer).ShouldGrantCodeAsync();
    }

    [Theory]
    [InlineData(Form)]
    [InlineData(Form + "; charset=utf-8")]
    public async Task Accepts_a_readable_form_at_the_PAR_endpoint(string contentType)
    {
        var flow = host.Flow(host.Clients.C1);

        var pushed = await PostAsync("connect/par", Parameters("connect/par", flow), contentType);

        pushed.Status.ShouldBe(201, pushed.ToString());
        var front = await flow.AuthorizeWithRequestUriAsync(pushed.Parameters["request_uri"]);
        await new FlowResult(flow, Delivery.Pushed, pushed, front).ShouldGrantCodeAsync();
    }

    [Fact] // A form in any other media type is still OpenIddict's to refuse (ID2082), unread.
    public async Task Leaves_a_multipart_body_to_OpenIddict()
    {
        var answer = await PostAsync("connect/authorize", Parameters("connect/authorize"), "multipart/form-data");

        answer.ShouldBeLocalErrorPage(400, "invalid_request", rule: null);
        answer.Parameters["error_uri"].ShouldEndWith("/ID2082");
    }

    [Fact] // A query is parsed leniently (a NUL, bad percent-encoding, empty names): it reaches the engine, which judges it.
    public async Task Reads_a_malformed_query_without_error_and_judges_its_parameters()
    {
        var flow = host.Flow(host.Clients.C1);

        using var response = await host.Http.GetAsync(new Uri("connect/authorize?client_id=c1&request=" + flow.RequestObject.Build() + "&state=%00&%zz=1&=&&x=%", UriKind.Relative));
        var answer = await EndpointAnswer.ReadAsync(response);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR501");
    }

    private List<(string Name, string Value)> Parameters(string endpoint, AuthorizationAttempt? flow = null)
    {
        flow ??= host.Flow(host.Clients.C1);
        var parameters = new List<(string, string)> { ("client_id", "c1"), ("request", flow.RequestObject.Build()) };
        if (endpoint == "connect/par")
        {
            parameters.Add(("client_assertion_type", ClientAssertion.Type));
            parameters.Add(("client_assertion", ClientAssertion.Create(host.Clients.C1, host.Issuer, host.Time.GetUtcNow())));
        }

        return parameters;
    }

    private async Task<EndpointAnswer> PostAsync(string endpoint, List<(string Name, string Value)> parameters, string contentType)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(FormEncoding.Encode(parameters)));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        using var response = await host.Http.PostAsync(new Uri(endpoint, UriKind.Relative), content);
        return await EndpointAnswer.ReadAsync(response);
    }
}
