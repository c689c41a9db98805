using System.Text;
using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Generates request objects from a valid one: a way of signing, then changes to the header's and the payload's
/// members, to their bytes, and to the compact serialization after signing. About a third come out untouched but
/// for the signer, so the checks past the signature are reached too.
/// </summary>
internal static class RequestObjectFuzzer
{
    public static Gen<FuzzedObject> Objects(FuzzContext context, FuzzKeyRing ring, Gen<(string Header, string Payload)> baseline)
    {
        var none = Gen.Const(Array.Empty<Mutation>());
        var header = Gen.Frequency((6, none), (3, MemberMutations.Header(context, ring.AttackerJwk, ring.AttackerCertificate).Array[1, 3]));
        var claims = Gen.Frequency((4, none), (5, MemberMutations.Claims(context).Array[1, 4]));
        var encoding = Gen.Frequency((20, none), (3, EncodingMutations.Any.Array[1, 2]), (1, EncodingMutations.NonCanonical.Array[1]));
        var compact = Gen.Frequency((20, Gen.Const(Array.Empty<(string, Func<string, string>)>())), (3, CompactMutations.Any.Array[1, 2]));
        return Gen.Select(baseline, Signers.For(ring), header, claims, encoding, compact, (b, signer, h, c, e, k) => Build(b.Header, b.Payload, signer, [.. h, .. c, .. e], k));
    }

    private static FuzzedObject Build(string headerJson, string payloadJson, Signer signer, Mutation[] mutations, (string Name, Func<string, string> Apply)[] compactChanges)
    {
        var draft = ObjectDraft.From(headerJson, payloadJson);
        SetOrRemove(draft.Header, "alg", signer.Algorithm);
        SetOrRemove(draft.Header, "kid", signer.Kid);
        foreach (var mutation in mutations)
        {
            mutation.Apply(draft);
        }

        var signingInput = draft.SigningInput();
        var compact = signingInput + "." + ObjectDraft.Segment(signer.Sign(Encoding.ASCII.GetBytes(signingInput)));
        foreach (var change in compactChanges)
        {
            compact = change.Apply(compact);
        }

        return new FuzzedObject(
            compact,
            Encoding.UTF8.GetString(draft.HeaderUtf8()),
            Encoding.UTF8.GetString(draft.PayloadUtf8()),
            [signer.Name, .. mutations.Select(static m => m.Name), .. compactChanges.Select(static c => "compact: " + c.Name)]);
    }

    private static void SetOrRemove(List<JsonMember> members, string name, string? value)
    {
        var literal = JsonText.Literal(name);
        members.RemoveAll(m => m.Name == literal);
        if (value is not null)
        {
            members.Insert(name == "alg" ? 0 : Math.Min(1, members.Count), new JsonMember(literal, JsonText.Literal(value)));
        }
    }
}
