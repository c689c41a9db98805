namespace Jar.SampleHost.Tests.Conformance;

/// <summary>
/// The row of the strict JAR catalogue (docs/conformance/catalogue.md) a test checks, e.g. <c>[Row("B1")]</c>.
/// docs/conformance.md is generated from these (tools/Jar.ConformanceReport).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RowAttribute(string id) : Attribute
{
    /// <summary>The row id: a group letter and a number (A1, B12, Z3).</summary>
    public string Id { get; } = id;

    /// <summary>
    /// Set when the test asserts what the host answers and that answer is not the one the row expects: how it
    /// differs. The report shows the row as answered differently, however the test ends.
    /// </summary>
    public string? Differs { get; set; }
}
