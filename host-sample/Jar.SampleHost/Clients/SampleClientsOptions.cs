namespace Jar.SampleHost.Clients;

/// <summary>The demo clients, bound from <c>Jar:Clients</c> (keyed by client_id) and overridable by environment variables.</summary>
public sealed class SampleClientsOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Jar";

    /// <summary>The clients by client_id.</summary>
    public IDictionary<string, SampleClientSettings> Clients { get; } = new Dictionary<string, SampleClientSettings>(StringComparer.Ordinal);
}
