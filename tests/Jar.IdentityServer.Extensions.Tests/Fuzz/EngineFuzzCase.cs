using System.Text;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>One generated request as a host hands it to the engine: the engine, the raw parameters, the registration found.</summary>
/// <param name="Setting">The engine and its clients.</param>
/// <param name="Object">The request object generated (sent as <c>request</c> unless the parameters say otherwise).</param>
/// <param name="Request">The raw request.</param>
/// <param name="ClientRecord">The registration passed with it: the one of the client_id sent, or none.</param>
internal sealed record EngineFuzzCase(EngineSetting Setting, FuzzedObject Object, JarRequest Request, JarClient? ClientRecord)
{
    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine($"  engine: {Setting}; endpoint {Request.Endpoint}; authenticated client {Request.AuthenticatedClientId ?? "(none)"}; registration passed {ClientRecord?.ClientId ?? "(none)"}");
        foreach (var (name, values) in Request.Parameters)
        {
            foreach (var value in values)
            {
                text.AppendLine($"  {name} = " + (value == Object.Compact ? "(the object below)" : FuzzedObject.Printable(value ?? "(null)", 200)));
            }
        }

        text.Append(Object);
        return text.ToString();
    }
}
