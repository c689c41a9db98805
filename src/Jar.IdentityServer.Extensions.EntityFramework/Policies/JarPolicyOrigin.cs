namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>Where a client's effective policy came from.</summary>
public enum JarPolicyOrigin
{
    /// <summary>The client's row in <c>JarClientPolicies</c>. It wins over configuration.</summary>
    Database,

    /// <summary>No row; the client's entry in <see cref="JarHardeningOptions.Clients"/>.</summary>
    Configuration,

    /// <summary>Neither; the server's <see cref="JarHardeningOptions.DefaultProfile"/> as it is.</summary>
    Default,
}
