using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Jar.SampleHost.Tests;

/// <summary>An expected refusal logs one line at its level; EF Core's own error events for the replay's unique violation are Debug.</summary>
public sealed class ReplayLoggingTests(ReplayLoggingTests.LoggedHostFactory host) : IClassFixture<ReplayLoggingTests.LoggedHostFactory>
{
    [Fact]
    public async Task A_replayed_request_object_logs_one_warning_JAR406_and_no_error_or_stack_trace()
    {
        var request = await AuthorizationFlow.StartAsync(host, "strict-client");
        await AuthorizationFlow.CompleteAsync(host, request, expectedScopes: ["openid", "profile"]);
        using var browser = host.CreateBrowser();
        host.Lines.Clear();

        var replay = await browser.GetAsync(request.AuthorizationUrl);

        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var loud = host.Lines.Where(l => l.Level >= LogLevel.Warning).ToList();
        var line = loud.ShouldHaveSingleItem(string.Join('\n', loud));
        (line.EventId, line.Level).ShouldBe((4101, LogLevel.Warning));
        line.Message.ShouldContain("JAR406");
        line.Exception.ShouldBeNull();
        host.Lines.ShouldNotContain(l => l.Exception != null && l.Level > LogLevel.Debug);
    }

    /// <summary>One log line as the host wrote it.</summary>
    public sealed record Line(string Category, LogLevel Level, int EventId, string Message, Exception? Exception);

    /// <summary>The sample host with every log line kept, Debug and up.</summary>
    public sealed class LoggedHostFactory : SampleHostFactory, ILoggerProvider
    {
        public ConcurrentQueue<Line> Lines { get; } = new();

        ILogger ILoggerProvider.CreateLogger(string categoryName) => new Collector(this, categoryName);

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(this));
        }

        private sealed class Collector(LoggedHostFactory factory, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                factory.Lines.Enqueue(new Line(category, logLevel, eventId.Id, formatter(state, exception), exception));
        }
    }
}
