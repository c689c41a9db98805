using System.Globalization;
using BenchmarkDotNet.Attributes;
using Jar.IdentityServer.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Jar.Benchmarks;

/// <summary>
/// The engine's whole decision on a signed request object, through its public entry point
/// <see cref="IJarRequestValidator.ValidateAsync"/> (envelope, strict JWS parse, policy from the configuration
/// store, key selection, signature, every request object and policy rule, the replay ledger), against the floor
/// any JWS validation pays: <see cref="JsonWebTokenHandler.ValidateTokenAsync(string, TokenValidationParameters)"/>
/// alone, on the same objects and the same key.
/// </summary>
/// <remarks>
/// <para>
/// One-time <c>jti</c> (RFC 9101 §10.2) means an object validates once: a second pass over the same object is a
/// replay, refused before the ledger is written. Signing inside the measured call would cost more than the
/// verification measured, so <see cref="PoolSize"/> objects with distinct <c>jti</c> are signed in
/// <see cref="GlobalSetup"/> and both benchmarks walk the pool in the same order.
/// </para>
/// <para>
/// To let the pool be walked again, the in-memory ledger gets a clock of its own. The engine and the handler keep
/// the system clock (the handler's lifetime check has no other), and the objects are valid for
/// <see cref="ObjectLifetime"/> from the setup, longer than a benchmark process lives. When the walk wraps, the
/// ledger's clock moves past every entry's expiry (<c>exp</c> + clock skew) and past its once-a-minute sweep,
/// so the next call sweeps the whole pool out, as the sweep does in service, and every call in the next pass
/// consumes a <c>jti</c> the ledger does not hold: the accepting path of a fresh object, including the ledger
/// insert and, amortized over the pool, the sweep. Each measured call checks that the decision is an
/// acceptance, so a replay or any other refusal stops the run instead of being measured as a fast path.
/// </para>
/// </remarks>
// Min and Median beside the Mean: on a machine shared with builds and tests, they show what the Mean hides.
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class RequestObjectValidationBenchmarks
{
    /// <summary>Distinct request objects signed up front; the walk wraps after this many calls.</summary>
    public const int PoolSize = 1024;

    /// <summary><c>exp</c> - <c>nbf</c> of every object; within the strict profile's 60 minutes (FAPI 1.0 Advanced §5.2.2-13).</summary>
    public static readonly TimeSpan ObjectLifetime = TimeSpan.FromMinutes(30);

    private static readonly TimeSpan LedgerStepPerPass = TimeSpan.FromHours(1);

    private JarClient _client = null!;
    private ServiceProvider _services = null!;
    private IServiceScope _scope = null!;
    private IJarRequestValidator _validator = null!;
    private FakeTimeProvider _ledgerClock = null!;
    private string[] _objects = [];
    private JarRequest[] _requests = [];
    private JsonWebTokenHandler _handler = null!;
    private TokenValidationParameters _parameters = null!;
    private int _next;

    /// <summary>The request object's signing algorithm: RSASSA-PSS on RSA 2048, or ECDSA on P-256.</summary>
    [Params(SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256)]
    public string Algorithm { get; set; } = SecurityAlgorithms.RsaSsaPssSha256;

    /// <summary>Signs the pool and builds the engine the way a single-instance host does.</summary>
    [GlobalSetup]
    public void GlobalSetup()
    {
        var now = TimeProvider.System.GetUtcNow();
        _ledgerClock = new FakeTimeProvider(now);
        using var signer = new SigningClient(Algorithm);
        _client = signer.Registration;

        _objects = new string[PoolSize];
        _requests = new JarRequest[PoolSize];
        for (var i = 0; i < PoolSize; i++)
        {
            _objects[i] = signer.Sign("jti-" + i.ToString("D5", CultureInfo.InvariantCulture), now, ObjectLifetime);

            // As the host hands it over: client_id and request, nothing else outside the object (RFC 9101 §5).
            _requests[i] = new JarRequest(JarEndpoint.Authorization, SigningClient.Issuer, new Dictionary<string, StringValues>(StringComparer.Ordinal)
            {
                ["client_id"] = SigningClient.ClientId,
                ["request"] = _objects[i],
            });
        }

        // The in-process engine with only its in-memory defaults: configuration-bound policy store, in-memory
        // replay ledger, no decision sink, logging with no provider (every log line filtered out), system clock.
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IReplayLedger>(new InMemoryReplayLedger(_ledgerClock));
        services.AddJarEngine(options => options.Clients[SigningClient.ClientId] = new JarPolicyOverrides { RequireJwtId = true });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // The validator is scoped; a host resolves it once per request. Scope creation is the host's cost, not
        // the engine's, so one scope serves the whole run.
        _scope = _services.CreateScope();
        _validator = _scope.ServiceProvider.GetRequiredService<IJarRequestValidator>();

        // A plain use of the handler: the client's key, its algorithm, lifetime checked, nothing else.
        _handler = new JsonWebTokenHandler();
        _parameters = new TokenValidationParameters
        {
            IssuerSigningKey = signer.PublicKey,
            ValidAlgorithms = [Algorithm],
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
        };

        CheckSetup();
    }

    /// <summary>Releases the container.</summary>
    [GlobalCleanup]
    public void GlobalCleanup()
    {
        _scope.Dispose();
        _services.Dispose();
    }

    /// <summary>The baseline: signature and lifetime by <see cref="JsonWebTokenHandler"/>, nothing else.</summary>
    [Benchmark(Baseline = true, Description = "JsonWebTokenHandler alone")]
    public async ValueTask<TokenValidationResult> HandlerAlone()
    {
        var result = await _handler.ValidateTokenAsync(_objects[Step()], _parameters).ConfigureAwait(false);
        return result.IsValid ? result : throw new InvalidOperationException("The baseline refused a valid object.", result.Exception);
    }

    /// <summary>The engine's full decision on the same object, ending with the jti consumed in the ledger.</summary>
    [Benchmark(Description = "Engine full validation")]
    public async ValueTask<JarDecision> EngineFullValidation()
    {
        var decision = await _validator.ValidateAsync(_requests[Step()], _client, CancellationToken.None).ConfigureAwait(false);
        return decision.Outcome == JarOutcome.Accepted
            ? decision
            : throw new InvalidOperationException($"The engine refused a valid object: {decision.Error?.Rule.Id}.");
    }

    // The next object of the pool; on wrapping, the ledger's clock moves on (see the remarks).
    private int Step()
    {
        var index = _next;
        if (index == 0)
        {
            _ledgerClock.Advance(LedgerStepPerPass);
        }

        _next = index + 1 == PoolSize ? 0 : index + 1;
        return index;
    }

    // Before anything is measured: both paths accept the object, and the ledger is on the engine's path (a
    // second presentation is refused as a replay). The first measured call sweeps these entries out.
    private void CheckSetup()
    {
        var result = _handler.ValidateTokenAsync(_objects[0], _parameters).GetAwaiter().GetResult();
        if (!result.IsValid)
        {
            throw new InvalidOperationException("The baseline refuses the benchmark's request object.", result.Exception);
        }

        var first = _validator.ValidateAsync(_requests[0], _client, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (first.Outcome != JarOutcome.Accepted)
        {
            throw new InvalidOperationException($"The engine refuses the benchmark's request object: {first.Error?.Rule.Id}.");
        }

        var replay = _validator.ValidateAsync(_requests[0], _client, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        if (replay.Error?.Rule.Id != "JAR406")
        {
            throw new InvalidOperationException($"The replay ledger is not on the measured path: a replay got {replay.Outcome}.");
        }
    }
}
