namespace Jar.IdentityServer.Extensions.Tests.Doubles;

/// <summary>A replay ledger whose database is down; counts the calls so a test can tell whether it was asked.</summary>
internal sealed class UnavailableReplayLedger : IReplayLedger
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public ValueTask<bool> TryConsumeAsync(string clientId, string jwtId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        throw new InvalidOperationException("The replay ledger is unreachable.");
    }
}
