using Jar.Testing;

namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// "Settings that choose between strict answers" (docs/conformance/catalogue.md): the strict answer is the default, the other a client's
/// policy setting. Outer parameters (RejectMismatch, Discard) are checked row by row in
/// <see cref="OuterParameterConformanceTests"/>; here are jti, iss and typ.
/// </summary>
[Collection(SharedConformanceHost.Name)]
public sealed class PolicyChoiceConformanceTests(ConformanceHost host)
{
    [Theory, Row("D10")] // RequireJwtId = true: an object without jti is refused.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Client_requiring_jti_is_refused_an_object_without_one(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.JwtIdRequired).SendAsync(delivery);

        result.ShouldBeRefused("invalid_request_object", "JAR405");
    }

    [Theory, Row("D10"), Row("P2")] // ... and completes the flow with one; the default (no jti required) is P2's R0.
    [InlineData(Delivery.ByValue)]
    [InlineData(Delivery.Pushed)]
    public async Task Client_requiring_jti_completes_the_flow_with_one(Delivery delivery)
    {
        var result = await host.Attempt(host.Clients.JwtIdRequired).Edit($"jti=\"{Guid.NewGuid():N}\"").SendAsync(delivery);

        await result.ShouldGrantCodeAsync();
    }

    [Theory, Row("D5")] // RequireIssuer is required by every built-in profile, and a client may not loosen its profile.
    [InlineData("strict")]
    [InlineData("fapi1-advanced")]
    [InlineData("fapi2-message-signing")]
    public void Turning_off_RequireIssuer_stops_the_host_with_a_message_naming_the_client_and_the_setting(string profile)
    {
        using var loose = new LoosePolicyHost(profile, "RequireIssuer");

        var e = Should.Throw<Microsoft.Extensions.Options.OptionsValidationException>(() => loose.CreateClient());

        e.Message.ShouldContain("Client 'loose': invalid policy. RequireIssuer:");
        e.Message.ShouldContain($"profile '{profile}' requires it");
    }

    [Theory, Row("B12"), Row("P1")] // typ: a foreign type is always refused, no type and the request-object type always accepted.
    [InlineData("dpop+jwt", false)]
    [InlineData("oauth-authz-req+jwt", true)]
    [InlineData(null, true)]
    public async Task Discarding_client_judges_typ_as_every_client_does(string? typ, bool accepted)
    {
        var attempt = host.Attempt(host.Clients.Discarding);
        if (typ is not null)
        {
            attempt.RequestObject.WithHeader("typ", typ);
        }

        var result = await attempt.SendAsync(Delivery.Pushed);

        if (accepted)
        {
            await result.ShouldGrantCodeAsync();
        }
        else
        {
            result.ShouldBeRefused("invalid_request_object", "JAR206");
        }
    }

    /// <summary>The sample host with one more client whose policy turns a requirement of its profile off.</summary>
    private sealed class LoosePolicyHost(string profile, string setting) : SampleHostFactory
    {
        protected override void AddSettings(Dictionary<string, string?> settings)
        {
            base.AddSettings(settings);
            settings["Jar:Clients:loose:Type"] = "public";
            settings["Jar:Clients:loose:RedirectUris:0"] = "https://loose.example/cb";
            settings["Jar:Clients:loose:Scopes:0"] = "openid";
            settings["Jar:Clients:loose:Policy:Profile"] = profile;
            settings[$"Jar:Clients:loose:Policy:{setting}"] = "false";
        }
    }
}
