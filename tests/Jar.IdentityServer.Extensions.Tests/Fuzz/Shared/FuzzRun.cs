using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CsCheck;

namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>
/// Runs a property over a fixed number of generated inputs, the same inputs on every run: input i is generated from
/// CsCheck's PCG seeded from the base seed and i, so a CI failure reproduces anywhere. <c>JAR_FUZZ_SEED</c> sets
/// another base seed (a number) to explore, or replays one input (a CsCheck seed string, as a failure prints it).
/// On a failure, CsCheck takes over from the failing seed: it looks for a smaller failing input and reports the
/// shrunk input with the seed that reproduces it.
/// </summary>
internal static class FuzzRun
{
    public const string SeedVariable = "JAR_FUZZ_SEED";

    /// <summary>The PCG stream every input is drawn from.</summary>
    private const uint Stream = 0x4A4152;

    /// <summary>How many random inputs CsCheck tries while shrinking a failure.</summary>
    private const int ShrinkIterations = 5_000;

    /// <summary>
    /// Generates and checks <paramref name="count"/> inputs on <paramref name="threads"/> threads. The property
    /// throws on a violation and otherwise names the outcome, for the tally.
    /// </summary>
    public static async Task<FuzzReport> RunAsync<T>(
        Gen<T> gen, Func<T, Task<string>> property, int count, ulong defaultSeed, int threads, Func<T, string> print, Action<string> log)
    {
        var setting = Environment.GetEnvironmentVariable(SeedVariable);
        var baseSeed = defaultSeed;
        string[]? replay = null;
        if (!string.IsNullOrWhiteSpace(setting))
        {
            if (ulong.TryParse(setting, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                baseSeed = number;
            }
            else
            {
                replay = [setting.Trim()];
            }
        }

        var seeds = replay ?? Enumerable.Range(0, count).Select(i => new PCG(Stream, Mix(Mix(baseSeed) + (ulong)i)).ToString()).ToArray();
        log(replay is null
            ? $"{seeds.Length:N0} inputs from base seed {baseSeed} ({SeedVariable}={baseSeed}), {threads} threads"
            : $"replaying the one input of seed {replay[0]} ({SeedVariable})");

        var outcomes = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var failures = new ConcurrentBag<(int Index, string Seed)>();
        using var stop = new CancellationTokenSource();
        var clock = Stopwatch.StartNew();
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, seeds.Length),
                new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = stop.Token },
                async (i, cancellationToken) =>
                {
                    try
                    {
                        var input = gen.Generate(PCG.Parse(seeds[i]), null, out _);
                        var outcome = await property(input).ConfigureAwait(false);
                        outcomes.AddOrUpdate(outcome, 1, static (_, n) => n + 1);
                    }
#pragma warning disable CA1031 // Any exception is a failing input, handed to CsCheck below.
                    catch (Exception)
#pragma warning restore CA1031
                    {
                        failures.Add((i, seeds[i]));
                        await stop.CancelAsync().ConfigureAwait(false);
                    }
                }).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
            // Stopped at the first failure; it is reported below.
        }

        clock.Stop();
        var tried = outcomes.Values.Sum();
        log($"{tried:N0} inputs passed in {clock.Elapsed.TotalSeconds:F1} s ({tried / Math.Max(clock.Elapsed.TotalSeconds, 0.001):N0}/s)");
        if (failures.OrderBy(static f => f.Index).FirstOrDefault() is { Seed: not null } failure)
        {
            log($"input {failure.Index} failed; seed {failure.Seed} ({SeedVariable}={failure.Seed} replays it). Shrinking:");
            await gen.SampleAsync(
                async input =>
                {
                    await property(input).ConfigureAwait(false);
                },
                writeLine: log,
                seed: failure.Seed,
                iter: ShrinkIterations,
                threads: threads,
                print: print).ConfigureAwait(false);

            // CsCheck found nothing failing: the failure depends on state left by other inputs (the replay ledger).
            throw new InvalidOperationException(
                $"Input {failure.Index} (seed {failure.Seed}) failed among the others but not alone; run with {SeedVariable}={baseSeed} to see it again.");
        }

        return new FuzzReport(tried, clock.Elapsed, outcomes.ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>SplitMix64 (Steele, Lea and Flood 2014): neighbouring base seeds and indexes give unrelated PCG seeds.</summary>
    private static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
