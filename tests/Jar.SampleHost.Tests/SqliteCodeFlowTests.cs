using Jar.SampleHost.Data;

namespace Jar.SampleHost.Tests;

/// <summary>The code flows on SQLite, the default database (a temporary file).</summary>
public sealed class SqliteCodeFlowTests(SampleHostFactory host) : CodeFlowTests(host), IClassFixture<SampleHostFactory>
{
    protected override string ProviderName => DatabaseProvider.Sqlite;
}
