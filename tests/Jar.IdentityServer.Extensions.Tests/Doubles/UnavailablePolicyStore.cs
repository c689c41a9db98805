namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>A policy store whose database is down.</summary>
internal sealed class UnavailablePolicyStore : IJarPolicyStore
{
    public ValueTask<JarPolicy> GetPolicyAsync(string clientId, CancellationToken cancellationToken) =>
        ValueTask.FromException<JarPolicy>(new InvalidOperationException("The policy database is unreachable."));
}
