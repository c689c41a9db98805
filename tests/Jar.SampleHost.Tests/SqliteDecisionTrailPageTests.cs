namespace Jar.SampleHost.Tests;

/// <summary>The trail pages on SQLite, the default database (a temporary file).</summary>
public sealed class SqliteDecisionTrailPageTests(SampleHostFactory host) : DecisionTrailPageTests(host), IClassFixture<SampleHostFactory>;
