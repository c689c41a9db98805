namespace Jar.ConformanceReport;

/// <summary>A <c>[Row]</c> attribute on a test method: the method (<c>Namespace.Class.Method</c>), the row id and, if set, how the host differs.</summary>
internal sealed record RowTag(string Method, string RowId, string? Differs);
