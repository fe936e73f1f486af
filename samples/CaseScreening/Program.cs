// Screens every case file in a folder with the validators generated from treaties/*.treaty, and prints one line per
// case: its verdict, the instrument recommended, and for an undetermined case the facts that would settle it.
// A case file that cannot be read is named with the reason, and the others are still screened.
//
//   dotnet run -- path/to/cases
using CaseScreening.Treaties;
using TreatyDsl.Runtime;

if (args.Length != 1 || !Directory.Exists(args[0]))
{
    Console.Error.WriteLine("usage: CaseScreening FOLDER (a folder of case files, *.json)");
    return 2;
}

var refused = 0;
var verdicts = new Dictionary<Verdict, int>();
foreach (var path in Directory.GetFiles(args[0], "*.json").Order(StringComparer.Ordinal))
{
    var name = Path.GetFileName(path);
    // The schema is generated from the fact vocabulary (case-file.treaty): it says which facts a case file may carry.
    var read = CaseFileReader.Read(File.ReadAllBytes(path), GeneratedTreaties.Schema);
    if (read.Facts is null)
    {
        Console.Error.WriteLine($"{name}: refused: {string.Join("; ", read.Errors)}");
        refused++;
        continue;
    }

    // Every instrument in force between the two countries, the case verdict and the country's preferred instrument.
    var report = CaseEvaluator.Evaluate(GeneratedTreaties.Catalog, read.Facts);
    verdicts[report.Verdict] = verdicts.GetValueOrDefault(report.Verdict) + 1;
    var line = $"{name}: {report.Verdict}";
    if (report.Recommended is not null) line += $" (recommended: {report.Recommended})";
    var missing = report.Instruments.Where(i => i.Usable && i.Verdict == Verdict.Undetermined).SelectMany(i => i.MissingFacts).Distinct().ToList();
    if (report.Verdict == Verdict.Undetermined && missing.Count > 0) line += $"; would be settled by: {string.Join(", ", missing)}";
    Console.WriteLine(line);

    // The same facts as a typed case, for code that asks one instrument one question.
    var typed = TreatyCase.FromFacts(read.Facts);
    if (typed.SentencingCountry == "MX" || typed.ReceivingCountry == "MX")
    {
        foreach (var unmet in UsMxValidator.Evaluate(typed).Requirements.Where(r => r.Outcome == Outcome.NotMet))
            Console.WriteLine($"    us-mx: {unmet.Text} [{unmet.Citation}]: {unmet.Explanation}");
    }
}

Console.WriteLine(string.Join(", ", verdicts.OrderBy(v => v.Key).Select(v => $"{v.Value} {v.Key.ToString().ToLowerInvariant()}")) + (refused > 0 ? $", {refused} refused" : ""));
return refused > 0 ? 2 : 0;
