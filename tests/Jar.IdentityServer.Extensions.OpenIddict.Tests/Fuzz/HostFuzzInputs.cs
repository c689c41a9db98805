using System.Globalization;
using CsCheck;
using Jar.IdentityServer.Extensions.OpenIddict.Tests.Host;
using Jar.IdentityServer.Extensions.Tests.Fuzz;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;

/// <summary>
/// HTTP requests around generated objects, for the host's clients (C1 on the strict profile, a client that requires
/// JAR, the FAPI 2.0 client that requires PAR, a client that discards outer parameters): by value in the query or a
/// form, or pushed with client authentication (the client's, another client's, or none); with the parameters and
/// the form's Content-Type mutated, and raw bytes (bad percent-encoding) after them.
/// </summary>
internal static class HostFuzzInputs
{
    private static readonly string[] RawSuffixes = ["&x=%FF", "&%zz=1", "&=", "&&", "&client_id=%00", "&x=%C0%80", "&scope=%E2%82", "&x=%"];

    /// <summary>
    /// Form media types other than the plain one, among them some ASP.NET Core's form reader cannot read (a malformed
    /// one, a list, <c>charset=utf-16</c> that reads the body as one key past 2048 characters, <c>charset=utf-7</c>):
    /// those are refused with invalid_request (JAR110).
    /// </summary>
    private static readonly string?[] ContentTypes =
    [
        "application/x-www-form-urlencoded; charset=ISO-8859-1", "application/json",
        "text/plain", "multipart/form-data; boundary=x", null, "application/jwt", "application/x-www-form-urlencoded ; charset=utf-8",
        "application/x-www-form-urlencoded;;", "application/x-www-form-urlencoded, text/plain",
        "application/x-www-form-urlencoded; charset=utf-16", "application/x-www-form-urlencoded; charset=utf-7",
    ];

    public static Gen<HostFuzzCase> Cases(OpenIddictHostFixture host)
    {
        var clients = host.Clients;
        TestClient[] aimed = [clients.C1, clients.StrictJar, clients.Fapi2, clients.Discarding];
        var objects = aimed.ToDictionary(static c => c.ClientId, c => Objects(host, c));
        var values = JsonValues.Strings(Context(host, clients.C1));
        return from client in Gen.Frequency((5, Gen.Const(clients.C1)), (1, Gen.Const(clients.StrictJar)), (1, Gen.Const(clients.Fapi2)), (1, Gen.Const(clients.Discarding)))
               from requestObject in objects[client.ClientId]
               from delivery in Gen.Frequency((4, Gen.Const(HostDelivery.Query)), (2, Gen.Const(HostDelivery.Form)), (4, Gen.Const(HostDelivery.Pushed)))
               from clientId in Gen.Int[0, 39]
               from sent in Gen.Int[0, 39]
               from requestUri in Gen.Int[0, 59]
               from outer in Gen.Int[0, 9]
               from outerValue in Gen.OneOf(values)
               from authenticator in Gen.Int[0, 19]
               from contentType in Gen.Int[0, 39]
               from raw in Gen.Int[0, 39]
               select Build(clients, client, requestObject, delivery, clientId, sent, requestUri, outer, outerValue, authenticator, contentType, raw);
    }

    private static HostFuzzCase Build(
        TestClients clients, TestClient client, FuzzedObject requestObject, HostDelivery delivery, int clientId, int sent, int requestUri,
        int outer, string outerValue, int authenticator, int contentType, int raw)
    {
        var other = clients.C2.ClientId;
        var parameters = new List<(string, string)>();
        switch (clientId)
        {
            case 0: break;
            case 1: parameters.Add(("client_id", "")); break;
            case 2: parameters.Add(("client_id", other)); break;
            case 3: parameters.Add(("client_id", JsonValues.Lookalike(client.ClientId))); break;
            case 4: parameters.AddRange([("client_id", client.ClientId), ("client_id", client.ClientId)]); break;
            default: parameters.Add(("client_id", client.ClientId)); break;
        }

        switch (sent)
        {
            case 0: break;
            case 1: parameters.Add(("request", "")); break;
            case 2: parameters.AddRange([("request", requestObject.Compact), ("request", requestObject.Compact)]); break;
            default: parameters.Add(("request", requestObject.Compact)); break;
        }

        switch (requestUri)
        {
            case 0: parameters.Add(("request_uri", "urn:ietf:params:oauth:request_uri:abc")); break;
            case 1: parameters.Add(("request_uri", "https://attacker.example/request.jwt")); break;
        }

        // By value the conformance suite repeats these outside the object (OpenID Connect Core §6.1).
        switch (outer)
        {
            case 0: break;
            case 1: parameters.AddRange([("response_type", "code"), ("scope", outerValue), ("redirect_uri", client.RedirectUri)]); break;
            case 2: parameters.Add(("redirect_uri", outerValue)); break;
            case 3: parameters.Add(("state", outerValue)); break;
            case 4: parameters.Add(("response_mode", outerValue)); break;
            default: parameters.AddRange([("response_type", "code"), ("scope", "openid profile accounts"), ("redirect_uri", client.RedirectUri)]); break;
        }

        var suffix = raw < RawSuffixes.Length ? RawSuffixes[raw] : "";
        var query = FormEncoding.Encode(parameters).Length + suffix.Length <= FormEncoding.MaxQueryLength;
        if (delivery == HostDelivery.Query && !query)
        {
            delivery = HostDelivery.Form; // as a browser would have to post it
        }

        return new HostFuzzCase(
            client,
            requestObject,
            delivery,
            parameters,
            authenticator switch { 0 => null, 1 => clients.C2, _ => client },
            contentType < ContentTypes.Length ? ContentTypes[contentType] : "application/x-www-form-urlencoded",
            suffix);
    }

    private static FuzzContext Context(OpenIddictHostFixture host, TestClient client) =>
        new(host.Issuer, client.ClientId, host.Clients.C2.ClientId, client.RedirectUri, host.Time.GetUtcNow().ToUnixTimeSeconds(),
            ["k1", "k1b", "e1", "k2", "k3", "kf", "ks"]);

    private static Gen<FuzzedObject> Objects(OpenIddictHostFixture host, TestClient client)
    {
        var clients = host.Clients;
        var ring = new FuzzKeyRing(
            client.RegisteredKeys.Select(static k => new FuzzSigningKey(k.Kid, k.PrivateKey)).ToArray(),
            new FuzzSigningKey(clients.K2.Kid, clients.K2.PrivateKey),
            new FuzzSigningKey(clients.Attacker.Kid, clients.Attacker.PrivateKey),
            null);

        // R0 of the client as AuthorizationFlow builds it, with a fixed state, nonce and PKCE challenge so the inputs
        // are the same on every run; a unique jti and a typ on some.
        var r0 = host.Flow(client).RequestObject
            .With("state", "st-fuzz")
            .With("nonce", "n-fuzz")
            .With("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        var header = r0.Header.ToJsonString();
        var claims = r0.Claims.ToJsonString();
        var baseline = Gen.Select(Gen.ULong, Gen.Int[0, 3], (n, extra) =>
        {
            var payload = extra switch
            {
                0 => claims.TrimEnd('}') + ",\"jti\":\"" + n.ToString("x16", CultureInfo.InvariantCulture) + "\"}",
                _ => claims,
            };
            return (extra == 1 ? header.TrimEnd('}') + ",\"typ\":\"oauth-authz-req+jwt\"}" : header, payload);
        });
        return RequestObjectFuzzer.Objects(Context(host, client), ring, baseline);
    }
}
