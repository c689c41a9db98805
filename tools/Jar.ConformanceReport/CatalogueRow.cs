namespace Jar.ConformanceReport;

/// <summary>One row of the catalogue: its id (B1), short name (alg-none) and group heading (B. Signature, key and algorithm).</summary>
internal sealed record CatalogueRow(string Id, string Name, string Group);
