namespace Jar.IdentityServer.Extensions.Tests.Fuzz;

/// <summary>How many inputs passed, how long they took, and how many ended in each outcome.</summary>
internal sealed record FuzzReport(int Inputs, TimeSpan Elapsed, IReadOnlyDictionary<string, int> Outcomes)
{
    public int Count(Func<string, bool> outcome) => Outcomes.Where(o => outcome(o.Key)).Sum(static o => o.Value);

    public string Tally() => string.Join(", ", Outcomes.OrderByDescending(static o => o.Value).Select(static o => $"{o.Key} {o.Value:N0}"));
}
