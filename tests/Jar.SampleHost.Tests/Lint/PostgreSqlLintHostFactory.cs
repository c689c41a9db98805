namespace Jar.SampleHost.Tests.Lint;

/// <summary>As <see cref="LintHostFactory"/>, on PostgreSQL (a database of its own on <c>JAR_TEST_POSTGRES</c>).</summary>
public sealed class PostgreSqlLintHostFactory : SampleHostFactory
{
    private readonly PostgreSqlTestDatabase _database = new();

    protected override void AddSettings(Dictionary<string, string?> settings)
    {
        settings["Database:Provider"] = "PostgreSql";
        settings["ConnectionStrings:Jar"] = _database.ConnectionString.ToString();
        LintClients.Add(settings);
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
