using System.Text;
using Jar.IdentityServer.Extensions.Tests.Fuzz;

namespace Jar.IdentityServer.Extensions.OpenIddict.Tests.Fuzz;

/// <summary>One generated HTTP request: the client named, the object, the parameters, and how they are sent.</summary>
/// <param name="Client">The client the request names.</param>
/// <param name="Object">The request object generated.</param>
/// <param name="Delivery">Query, form or PAR.</param>
/// <param name="Parameters">The parameters, in order; a name may come twice.</param>
/// <param name="Authenticator">At PAR, whose client assertion goes with the request; null sends none.</param>
/// <param name="ContentType">The Content-Type of a form; null sends none.</param>
/// <param name="RawSuffix">Bytes appended to the query or form as they are: invalid percent-encoding and the like.</param>
internal sealed record HostFuzzCase(
    TestClient Client, FuzzedObject Object, HostDelivery Delivery, IReadOnlyList<(string Name, string Value)> Parameters,
    TestClient? Authenticator, string? ContentType, string RawSuffix)
{
    /// <summary>The single value of a parameter, or null when it is missing, empty or sent twice (as OpenIddict reads it).</summary>
    public string? Single(string name)
    {
        var values = Parameters.Where(p => p.Name == name).Select(static p => p.Value).ToArray();
        return values.Length == 1 && values[0].Length > 0 ? values[0] : null;
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"  {Delivery} as {Client}; client authentication {Authenticator?.ToString() ?? "(none)"}; Content-Type {ContentType ?? "(none)"}; raw suffix '{RawSuffix}'");
        foreach (var (name, value) in Parameters)
        {
            text.AppendLine($"  {FuzzedObject.Printable(name, 100)} = " + (value == Object.Compact ? "(the object below)" : FuzzedObject.Printable(value, 200)));
        }

        text.Append(Object);
        return text.ToString();
    }
}
