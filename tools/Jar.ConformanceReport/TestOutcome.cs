namespace Jar.ConformanceReport;

/// <summary>How the cases of one test method ended in the run: one case per theory row.</summary>
internal sealed record TestOutcome(int Passed, int Failed, int Other)
{
    public int Total => Passed + Failed + Other;
}
