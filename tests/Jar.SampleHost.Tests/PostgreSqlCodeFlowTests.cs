using Jar.SampleHost.Data;

namespace Jar.SampleHost.Tests;

/// <summary>The code flows on PostgreSQL (<c>Database:Provider = PostgreSql</c>, a database of their own).</summary>
public sealed class PostgreSqlCodeFlowTests(PostgreSqlSampleHostFactory host) : CodeFlowTests(host), IClassFixture<PostgreSqlSampleHostFactory>
{
    protected override string ProviderName => DatabaseProvider.PostgreSql;
}
