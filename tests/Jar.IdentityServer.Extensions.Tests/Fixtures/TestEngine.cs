using Jar.IdentityServer.Extensions.Tests.Doubles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Jar.IdentityServer.Extensions.Tests.Fixtures;

/// <summary>
/// The engine as a host builds it (<c>AddLogging().AddJarEngine()</c>), with a fake clock registered first so
/// every time check runs against a time the test controls.
/// </summary>
internal sealed class TestEngine : IDisposable
{
    /// <summary>The issuer identifier, exactly as discovery would advertise it.</summary>
    public const string Issuer = "https://as.example.com";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public TestEngine(Action<JarHardeningOptions>? configure = null, Action<IServiceCollection>? register = null)
    {
        Time = new FakeTimeProvider(Start);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<TimeProvider>(Time);
        register?.Invoke(services);
        services.AddJarEngine(configure);
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public FakeTimeProvider Time { get; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>Client C1 on a built-in profile (through the configuration-bound policy store).</summary>
    public static TestEngine WithProfile(string profile) => new(o => o.DefaultProfile = profile);

    /// <summary>Client C1 with its own overrides (through the configuration-bound policy store).</summary>
    public static TestEngine WithClientPolicy(JarPolicyOverrides overrides) => new(o => o.Clients[TestClients.C1Id] = overrides);

    /// <summary>Every client gets exactly this policy, as a custom <see cref="IJarPolicyStore"/> could return it.</summary>
    public static TestEngine WithPolicy(JarPolicy policy) =>
        new(register: s => s.AddSingleton<IJarPolicyStore>(new StaticPolicyStore(policy)));

    /// <summary>A NumericDate <paramref name="seconds"/> from now.</summary>
    public long At(long seconds) => Now.ToUnixTimeSeconds() + seconds;

    /// <summary>The baseline request object of client C1, issued now.</summary>
    public RequestObject R0() => RequestObject.R0(Now);

    public async Task<JarDecision> ValidateAsync(JarRequest request, JarClient? client)
    {
        await using var scope = _services.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<IJarRequestValidator>();
        return await validator.ValidateAsync(request, client, CancellationToken.None);
    }

    /// <summary>Client C1's request at either endpoint.</summary>
    public Task<JarDecision> ValidateAsync(JarRequest request) => ValidateAsync(request, TestClients.C1);

    /// <summary>The object by value at the authorization endpoint, with nothing else but client_id.</summary>
    public Task<JarDecision> SendAsync(RequestObject requestObject) => ValidateAsync(Requests.ByValue(requestObject.Compact()));

    public Task<JarDecision> SendAsync(string requestObject) => ValidateAsync(Requests.ByValue(requestObject));

    /// <summary>The object pushed to the PAR endpoint by the authenticated client C1.</summary>
    public Task<JarDecision> PushAsync(RequestObject requestObject) => ValidateAsync(Requests.Pushed(requestObject.Compact()));

    public void Dispose() => _services.Dispose();
}
