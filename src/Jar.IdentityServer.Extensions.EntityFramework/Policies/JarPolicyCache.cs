using System.Collections.Concurrent;

namespace Jar.IdentityServer.Extensions.EntityFramework;

/// <summary>
/// Each instance's short memory of resolved policies, so a burst of requests from one client costs one query.
/// Its keys are registered client_ids only (the engine asks for a policy once the client is known), so it stays
/// as small as the client list. Time comes from <see cref="TimeProvider"/>.
/// </summary>
internal sealed class JarPolicyCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (JarPolicy Policy, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string clientId, out JarPolicy policy)
    {
        if (_entries.TryGetValue(clientId, out var entry) && time.GetUtcNow() < entry.Until)
        {
            policy = entry.Policy;
            return true;
        }

        policy = null!;
        return false;
    }

    public void Set(string clientId, JarPolicy policy, TimeSpan duration)
    {
        if (duration > TimeSpan.Zero)
        {
            _entries[clientId] = (policy, time.GetUtcNow() + duration);
        }
    }

    public void Remove(string clientId) => _entries.TryRemove(clientId, out _);
}
