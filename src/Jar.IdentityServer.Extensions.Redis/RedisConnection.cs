using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Jar.IdentityServer.Extensions.Redis;

/// <summary>
/// The one connection of this process to the ledger's Redis, opened on first use and kept. It never gives up: when
/// Redis is unreachable, at start or later, the multiplexer keeps reconnecting in the background (about once a
/// second) while every command fails at once instead of queueing, so the engine refuses (JAR901, fail closed) for
/// exactly as long as Redis is away and serves again by itself when it is back.
/// </summary>
internal sealed class RedisConnection(IOptions<RedisReplayLedgerOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _opening = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public async ValueTask<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _multiplexer) is { } open)
        {
            return open.GetDatabase();
        }

        await _opening.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(Settings(options.Value)).ConfigureAwait(false);
            return _multiplexer.GetDatabase();
        }
        finally
        {
            _opening.Release();
        }
    }

    private static ConfigurationOptions Settings(RedisReplayLedgerOptions ledger)
    {
        var settings = ConfigurationOptions.Parse(ledger.Configuration!);
        var timeout = (int)ledger.Timeout.TotalMilliseconds;

        // Start even when Redis is down, and keep trying: the ledger refuses until it answers.
        settings.AbortOnConnectFail = false;
        settings.ReconnectRetryPolicy = new LinearRetry(1000);
        settings.ConnectTimeout = timeout;
        settings.AsyncTimeout = timeout;
        settings.SyncTimeout = timeout;

        // A command issued while disconnected fails at once rather than waiting in a backlog for a reconnection:
        // the user is waiting, and the refusal is the answer either way.
        settings.BacklogPolicy = BacklogPolicy.FailFast;
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _opening.Dispose();
    }
}
