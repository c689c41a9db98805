namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>A policy store that answers every client with one policy, as a custom store may.</summary>
internal sealed class StaticPolicyStore(JarPolicy policy) : IJarPolicyStore
{
    public ValueTask<JarPolicy> GetPolicyAsync(string clientId, CancellationToken cancellationToken) => ValueTask.FromResult(policy);
}
