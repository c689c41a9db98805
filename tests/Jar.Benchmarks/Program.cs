using BenchmarkDotNet.Running;

namespace Jar.Benchmarks;

/// <summary>Entry point: <c>dotnet run -c Release --project tests/Jar.Benchmarks -- --filter '*'</c>.</summary>
public static class Program
{
    /// <summary>Hands the command line to BenchmarkDotNet (filters, jobs, exporters).</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
