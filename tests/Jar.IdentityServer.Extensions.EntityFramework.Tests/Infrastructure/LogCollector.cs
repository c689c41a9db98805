using Microsoft.Extensions.Logging;

namespace Jar.IdentityServer.Extensions.EntityFramework.Tests.Infrastructure;

/// <summary>Collects log events and lets a test wait for one, instead of waiting for time to pass.</summary>
public sealed class LogCollector : ILoggerProvider
{
    private readonly Lock _lock = new();
    private readonly List<(EventId Id, Exception? Exception)> _events = [];
    private readonly List<(int EventId, int Seen, TaskCompletionSource<Exception?> Signal)> _waiters = [];

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    /// <summary>Completes when the <paramref name="occurrence"/>-th event with <paramref name="eventId"/> has been logged (1-based).</summary>
    public Task<Exception?> WaitForAsync(int eventId, int occurrence = 1)
    {
        lock (_lock)
        {
            var seen = _events.Where(e => e.Id.Id == eventId).ToList();
            if (seen.Count >= occurrence)
            {
                return Task.FromResult(seen[occurrence - 1].Exception);
            }

            var signal = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((eventId, occurrence, signal));

            // A guard against a hang, not an assertion on time.
            return signal.Task.WaitAsync(TimeSpan.FromSeconds(60));
        }
    }

    public int Count(int eventId)
    {
        lock (_lock)
        {
            return _events.Count(e => e.Id.Id == eventId);
        }
    }

    public void Dispose()
    {
    }

    private void Add(EventId id, Exception? exception)
    {
        lock (_lock)
        {
            _events.Add((id, exception));
            var count = _events.Count(e => e.Id.Id == id.Id);
            foreach (var waiter in _waiters.Where(w => w.EventId == id.Id && w.Seen == count).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Signal.SetResult(exception);
            }
        }
    }

    private sealed class Logger(LogCollector collector) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id != 0)
            {
                collector.Add(eventId, exception);
            }
        }
    }
}
