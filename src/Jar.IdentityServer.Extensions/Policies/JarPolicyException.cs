namespace Jar.IdentityServer.Extensions;

/// <summary>A client policy that cannot be built: an unknown profile, or an override that loosens its profile.</summary>
public sealed class JarPolicyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JarPolicyException(string clientId, IReadOnlyList<string> settings, string message)
        : base(message)
    {
        ClientId = clientId;
        Settings = settings;
    }

    /// <summary>The client whose policy is invalid.</summary>
    public string ClientId { get; }

    /// <summary>The names of the offending settings.</summary>
    public IReadOnlyList<string> Settings { get; }
}
