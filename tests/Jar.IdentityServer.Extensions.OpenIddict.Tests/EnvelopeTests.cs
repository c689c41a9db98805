using System.Net;
using System.Net.Sockets;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests;

/// <summary>Group A of docs/conformance/catalogue.md: the request around the object, and objects that are not well-formed JWS at all.</summary>
[Collection(SharedOpenIddictHost.Name)]
public sealed class EnvelopeTests(OpenIddictHostFixture host)
{
    [Fact] // A1: RFC 9101 §5.
    public async Task Refuses_request_and_request_uri_together()
    {
        var flow = host.Flow(host.Clients.C1);
        var pushed = await flow.SendAsync(Delivery.Pushed);
        var requestUri = pushed.Pushed.ShouldNotBeNull().Parameters["request_uri"];

        var answer = await flow.AuthorizeAsync([new("client_id", "c1"), new("request", flow.RequestObject.Build()), new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR101");
    }

    [Fact] // H1: RFC 9126 §2.1.
    public async Task Refuses_a_request_uri_sent_to_the_PAR_endpoint()
    {
        var flow = host.Flow(host.Clients.C1);

        var answer = await flow.PushAsync([new("client_id", "c1"), new("request_uri", "urn:ietf:params:oauth:request_uri:abc")]);

        answer.ShouldBeJsonError(400, "invalid_request", "JAR109");
    }

    [Theory] // A6: with no client there is no trusted redirect URI, so no redirect (RFC 6749 §4.1.2.1).
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_a_request_object_without_an_outer_client_id(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);
        flow.OuterClientId = null;

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused("invalid_request", "JAR102");
    }

    [Fact] // A6 for request_uri.
    public async Task Refuses_a_request_uri_without_a_client_id()
    {
        var flow = host.Flow(host.Clients.C1);
        var requestUri = (await flow.SendAsync(Delivery.Pushed)).Pushed.ShouldNotBeNull().Parameters["request_uri"];

        var answer = await flow.AuthorizeAsync([new("request_uri", requestUri)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR102");
    }

    [Fact]
    public async Task Refuses_a_request_uri_not_issued_by_the_PAR_endpoint_without_fetching_it()
    {
        // RFC 9101 §10.4: a listener on loopback stands where the object would be; nothing may connect to it.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var flow = host.Flow(host.Clients.C1);

        var answer = await flow.AuthorizeAsync([new("client_id", "c1"), new("request_uri", $"http://127.0.0.1:{port}/ro.jwt")]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request_uri", "JAR106");
        listener.Pending().ShouldBeFalse();
    }

    [Theory] // Unknown client: not redirected at the authorization endpoint; a client authentication failure at PAR (RFC 9126 §2.1).
    [InlineData(Delivery.ByValue, "invalid_request", 400)]
    [InlineData(Delivery.Pushed, "invalid_client", 401)]
    public async Task Refuses_an_unknown_client_id(Delivery delivery, string error, int status)
    {
        var flow = host.Flow(host.Clients.C1).Edit("client_id=\"nobody\";iss=\"nobody\"");
        flow.OuterClientId = "nobody";

        var result = await flow.SendAsync(delivery);

        result.ShouldBeRefused(error, "JAR103", status);
    }

    [Theory] // RFC 6749 §3.1: a parameter sent twice.
    [InlineData("client_id")]
    [InlineData("request")]
    public async Task Refuses_a_repeated_parameter_without_redirecting(string name)
    {
        var flow = host.Flow(host.Clients.C1);
        var requestObject = flow.RequestObject.Build();
        var repeated = name == "request" ? requestObject : "c1";

        var answer = await flow.AuthorizeAsync([new("client_id", "c1"), new("request", requestObject), new(name, repeated)]);

        answer.ShouldBeLocalErrorPage(400, "invalid_request", "JAR108");
    }

    [Theory] // A7/A8: strict compact JWS (RFC 7515 §7.1) with a JSON object payload (RFC 7519 §7.2); never a 500.
    [InlineData("two-segments", Delivery.ByValue)]
    [InlineData("two-segments", Delivery.Pushed)]
    [InlineData("four-segments", Delivery.ByValue)]
    [InlineData("four-segments", Delivery.Pushed)]
    [InlineData("padding", Delivery.ByValue)]
    [InlineData("padding", Delivery.Pushed)]
    [InlineData("plus-for-minus", Delivery.ByValue)]
    [InlineData("plus-for-minus", Delivery.Pushed)]
    [InlineData("space", Delivery.ByValue)]
    [InlineData("newline", Delivery.Pushed)]
    [InlineData("payload-array", Delivery.ByValue)]
    [InlineData("payload-array", Delivery.Pushed)]
    [InlineData("payload-string", Delivery.ByValue)]
    [InlineData("payload-null", Delivery.Pushed)]
    [InlineData("payload-invalid-utf8", Delivery.ByValue)]
    [InlineData("header-array", Delivery.Pushed)]
    [InlineData("empty-header", Delivery.ByValue)]
    [InlineData("not-base64", Delivery.Pushed)]
    public async Task Refuses_a_malformed_request_object(string defect, Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);

        var result = await flow.SendAsync(delivery, MalformedRequestObject.Make(flow.RequestObject, defect));

        result.ShouldBeRefused("invalid_request_object", "JAR105");
    }

    [Theory] // Five segments read as a JWE (RFC 7516 §7.1); a JWS header with two more segments is not one.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Refuses_five_segments_that_are_not_a_jwe(Delivery delivery)
    {
        var flow = host.Flow(host.Clients.C1);

        var result = await flow.SendAsync(delivery, flow.RequestObject.Build() + ".AAAA.AAAA");

        result.ShouldBeRefused("invalid_request_object", "JAR105");
    }
}
