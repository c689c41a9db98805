using Jar.ConformanceReport;

// dotnet run --project tools/Jar.ConformanceReport -- [--catalogue docs/conformance/catalogue.md]
//     --assembly <Jar.SampleHost.Tests.dll> --trx <conformance.trx> --out docs/conformance.md
// Without --catalogue, the catalogue is docs/conformance/catalogue.md of the repository the current folder is in
// (the folder above it that holds the solution file).
// Exit codes: 0 written; 1 bad arguments or input; 2 written, but a [Row] names a row the catalogue does not have.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

string[] required = ["--assembly", "--trx", "--out"];
if (args.Length % 2 != 0 || required.Any(o => !options.ContainsKey(o)))
{
    await Console.Error.WriteLineAsync("usage: Jar.ConformanceReport [--catalogue <catalogue.md>] --assembly <tests.dll> --trx <results.trx> --out <conformance.md> [--namespace <test namespace>]").ConfigureAwait(false);
    return 1;
}

try
{
    var rows = Catalogue.Read(options.GetValueOrDefault("--catalogue") ?? Catalogue.InRepository(Directory.GetCurrentDirectory()));
    var tags = RowTags.Read(options["--assembly"]);
    var run = TrxResults.Read(options["--trx"]);
    var results = RowResult.Join(rows, tags, run);
    var testNamespace = options.GetValueOrDefault("--namespace") ?? "Jar.SampleHost.Tests.Conformance";
    await File.WriteAllTextAsync(options["--out"], ReportWriter.Write(results, run, testNamespace)).ConfigureAwait(false);

    var covered = results.Count(r => r.Tests.Count > 0);
    Console.WriteLine($"{options["--out"]}: {rows.Count} rows, {covered} covered, {tags.Select(t => t.Method).Distinct(StringComparer.Ordinal).Count()} tagged tests; " +
        string.Join(", ", results.GroupBy(r => r.Verdict).Select(g => $"{g.Count()} {g.Key}")));

    var unknown = tags.Where(t => !rows.Any(r => r.Id == t.RowId)).ToList();
    foreach (var tag in unknown)
    {
        await Console.Error.WriteLineAsync($"{tag.Method}: [Row(\"{tag.RowId}\")] names no row of the catalogue.").ConfigureAwait(false);
    }

    return unknown.Count == 0 ? 0 : 2;
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Xml.XmlException or BadImageFormatException)
{
    await Console.Error.WriteLineAsync(e.Message).ConfigureAwait(false);
    return 1;
}
