namespace Jar.SampleHost.Tests;

/// <summary>
/// The sample host on PostgreSQL (<c>Database:Provider = PostgreSql</c>): a database of its own on the server named
/// by <c>JAR_TEST_POSTGRES</c> (test.sh starts one), dropped afterwards. Without the variable these tests fail: the
/// provider switch is not proven until the host has run on it.
/// </summary>
public sealed class PostgreSqlSampleHostFactory : SampleHostFactory
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        settings["Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Jar"] = _database.ConnectionString.ToString();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _database.Dispose();
        }
    }
}
