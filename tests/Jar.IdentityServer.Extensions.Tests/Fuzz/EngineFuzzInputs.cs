using CsCheck;
using Jar.IdentityServer.Extensions.Tests.Fixtures;
using Microsoft.Extensions.Primitives;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Whole requests around a generated object: either endpoint; client_id sent, missing, empty, another client's, a
/// lookalike, or twice; the object sent once, twice, empty or not at all; a request_uri beside it; outer copies of
/// the object's parameters, equal or not; client authentication beside it; and, rarely, a host that passes the
/// wrong registration.
/// </summary>
internal static class EngineFuzzInputs
{
    public static Gen<EngineFuzzCase> Cases(IReadOnlyList<EngineSetting> settings) =>
        from setting in Gen.Int[0, settings.Count - 1].Select(i => settings[i])
        from named in Gen.Frequency((6, Gen.Const(TestClients.C1Id)), (1, Gen.Const(TestClients.C2Id)))
        from requestObject in setting.Objects[named]
        from pushed in Gen.Frequency((3, Gen.Const(false)), (2, Gen.Const(true)))
        from clientId in Gen.Int[0, 59]
        from authenticated in Gen.Int[0, 9]
        from sent in Gen.Int[0, 59]
        from requestUri in Gen.Int[0, 79]
        from outer in Gen.Int[0, 7]
        from outerValue in Gen.OneOf(JsonValues.Strings(new FuzzContext(TestEngine.Issuer, named, "c2", TestClients.RU1, 0, [])))
        from wrongRecord in Gen.Int[0, 49]
        select Build(setting, named, requestObject, pushed, clientId, authenticated, sent, requestUri, outer, outerValue, wrongRecord == 0);

    private static EngineFuzzCase Build(
        EngineSetting setting, string named, FuzzedObject requestObject, bool pushed, int clientId, int authenticated, int sent, int requestUri,
        int outer, string outerValue, bool wrongRecord)
    {
        var other = named == TestClients.C1Id ? TestClients.C2Id : TestClients.C1Id;
        var parameters = new List<(string Name, string Value)>();
        switch (clientId)
        {
            case 0: break;
            case 1: parameters.Add(("client_id", "")); break;
            case 2: parameters.Add(("client_id", other)); break;
            case 3: parameters.Add(("client_id", JsonValues.Lookalike(named))); break;
            case 4: parameters.Add(("client_id", named.ToUpperInvariant())); break;
            case 5: parameters.AddRange([("client_id", named), ("client_id", named)]); break;
            case 6: parameters.AddRange([("client_id", named), ("client_id", other)]); break;
            default: parameters.Add(("client_id", named)); break;
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
            case 2: parameters.Add(("request_uri", "")); break;
        }

        // Copies outside the object, as the conformance suite sends them by value (OpenID Connect Core §6.1).
        var redirectUri = setting.Clients[named].RedirectUris.First();
        switch (outer)
        {
            case 2: parameters.AddRange([("response_type", "code"), ("scope", "openid accounts"), ("redirect_uri", redirectUri)]); break;
            case 3: parameters.AddRange([("response_type", "code"), ("scope", outerValue), ("redirect_uri", redirectUri)]); break;
            case 4: parameters.Add(("redirect_uri", outerValue)); break;
            case 5: parameters.Add(("state", outerValue)); break;
            case 6: parameters.AddRange([("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", "x.y.z")]); break;
            case 7: parameters.Add((outerValue, "x")); break;
        }

        var values = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        foreach (var (name, value) in parameters)
        {
            values[name] = values.TryGetValue(name, out var existing) ? StringValues.Concat(existing, value) : new StringValues(value);
        }

        var request = new JarRequest(pushed ? JarEndpoint.PushedAuthorization : JarEndpoint.Authorization, TestEngine.Issuer, values)
        {
            AuthenticatedClientId = !pushed ? null : authenticated switch
            {
                0 => null,
                1 => other,
                _ => named,
            },
        };

        // What a host looks up: the client_id it read (none when sent twice), else the client it authenticated.
        var lookup = request["client_id"] ?? request.AuthenticatedClientId;
        var record = lookup is null ? null : setting.Clients.GetValueOrDefault(lookup);
        if (wrongRecord)
        {
            record = setting.Clients[other];
        }

        return new EngineFuzzCase(setting, requestObject, request, record);
    }
}
