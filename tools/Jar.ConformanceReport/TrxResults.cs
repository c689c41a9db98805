using System.Xml.Linq;

namespace Jar.ConformanceReport;

/// <summary>The results of a VSTest run (<c>--logger trx</c>), counted per test method (<c>Namespace.Class.Method</c>).</summary>
internal static class TrxResults
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxRun Read(string path)
    {
        var document = XDocument.Load(path);
        var methods = document.Descendants(Trx + "UnitTest").ToDictionary(
            t => (string)t.Attribute("id")!,
            t => t.Element(Trx + "TestMethod") is { } m ? $"{(string?)m.Attribute("className")}.{(string?)m.Attribute("name")}" : (string)t.Attribute("name")!,
            StringComparer.Ordinal);
        var outcomes = new Dictionary<string, TestOutcome>(StringComparer.Ordinal);
        foreach (var result in document.Descendants(Trx + "UnitTestResult"))
        {
            var method = methods[(string)result.Attribute("testId")!];
            var outcome = outcomes.GetValueOrDefault(method) ?? new TestOutcome(0, 0, 0);
            outcomes[method] = (string?)result.Attribute("outcome") switch
            {
                "Passed" => outcome with { Passed = outcome.Passed + 1 },
                "Failed" => outcome with { Failed = outcome.Failed + 1 },
                _ => outcome with { Other = outcome.Other + 1 },
            };
        }

        var times = document.Root?.Element(Trx + "Times");
        var start = (DateTimeOffset?)times?.Attribute("start");
        var finish = (DateTimeOffset?)times?.Attribute("finish");
        return new TrxRun(outcomes, finish, finish - start);
    }
}

/// <summary>One run: the outcome of each test method, when it finished and how long it took.</summary>
internal sealed record TrxRun(IReadOnlyDictionary<string, TestOutcome> Outcomes, DateTimeOffset? Finished, TimeSpan? Duration);
