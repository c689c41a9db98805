namespace Jar.SampleHost.Tests;

/// <summary>The trail pages on PostgreSQL (<c>Database:Provider = PostgreSql</c>, a database of their own).</summary>
public sealed class PostgreSqlDecisionTrailPageTests(PostgreSqlSampleHostFactory host) : DecisionTrailPageTests(host), IClassFixture<PostgreSqlSampleHostFactory>;
