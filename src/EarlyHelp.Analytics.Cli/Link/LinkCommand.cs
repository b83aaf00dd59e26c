using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Cli.Link;

/// <summary>
/// <c>earlyhelp link</c>: the generic linker for identity CSV files, like Splink on a CSV. Learns a
/// Fellegi–Sunter model without labels, links the records into entities and writes clusters.csv,
/// pairs.csv, model.json and report.html.
/// </summary>
internal static class LinkCommand
{
    private static readonly Option<FileInfo[]> Inputs = new("--input") { Description = "Identity CSV file with a header line; repeat for several files.", Required = true };
    private static readonly Option<string> Id = new("--id") { Description = "Column holding each record's id (unique within its file).", Required = true };
    private static readonly Option<string> Map = new("--map")
    {
        Description = "Identity columns: forename=COL,surname=COL,dob=COL[:FORMAT][,postcode=COL][,address=COL][,sex=COL][,nhs_number=COL][,source_ref=COL][,other=COL...]. " +
            "FORMAT is a .NET date format such as yyyyMMdd; dates that do not parse count as missing.",
        Required = true,
    };
    private static readonly Option<bool> OneToOne = new("--one-to-one") { Description = "Two files in which each person appears at most once: each record links to at most one in the other file, best first." };
    private static readonly Option<int> Seed = new("--seed") { Description = "Seed for the random pairs that estimate u.", DefaultValueFactory = _ => 1 };
    private static readonly Option<DirectoryInfo> Output = new("--out") { Description = "Folder for clusters.csv, pairs.csv, model.json and report.html.", Required = true };

    public static Command Create()
    {
        var command = new Command("link",
            "Links identity CSV files (or deduplicates one) with a Fellegi-Sunter model learned without labels: " +
            "clusters.csv (source,record,entity), pairs.csv with match weights and probabilities, and the model report.");
        foreach (var option in new Option[] { Inputs, Id, Map, OneToOne, Seed, Output })
            command.Options.Add(option);
        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var files = parse.GetValue(Inputs)!;
        var oneToOne = parse.GetValue(OneToOne);
        if (oneToOne && files.Length != 2)
            throw new UsageException($"--one-to-one links exactly two files; got {files.Length}.");
        var sources = files.Select(f => Path.GetFileNameWithoutExtension(f.Name)).ToArray();
        if (sources.Distinct(StringComparer.Ordinal).Count() != sources.Length)
            throw new UsageException("Each --input must have its own file name: the name without extension is the record's source.");
        var map = LinkColumnMap.Parse(parse.GetValue(Map)!);
        var idColumn = parse.GetValue(Id)!;

        var clock = Stopwatch.StartNew();
        var records = files.SelectMany(f => LinkInputReader.Read(f.FullName, idColumn, map)).ToList();
        var settings = LinkageSettings.Default with { AcrossSourcesOnly = oneToOne };
        var model = LinkageModel.Estimate(records, settings, parse.GetValue(Seed));
        var scored = PairScoring.ScoreWithStatistics(records, model);
        var entities = oneToOne
            ? Linkage.Clustering.ClusterOneToOne(records, scored.Pairs, model, [])
            : Linkage.Clustering.Cluster(records, scored.Pairs, model, []);
        var expected = LinkageQuality.Expected(records, scored.Pairs, entities, model, oneToOne);
        var seconds = clock.Elapsed.TotalSeconds;

        var summary = new List<string>
        {
            $"Inputs: {string.Join(", ", files.Select(f => f.Name))}; {records.Count:N0} records{(oneToOne ? "; one-to-one" : "")}",
            $"Compared {scored.ComparedPairs:N0} candidate pairs ({scored.ComparisonsPerRecord:0.0} per record); kept {scored.Pairs.Count:N0}"
                + (scored.OversizedBlocks == 0 ? "" : $"; {scored.OversizedBlocks:N0} blocks over {settings.MaximumBlockSize:N0} records not compared (a key too common to tell people apart; other rules may still pair their records)"),
            $"Entities: {entities.Distinct().Count():N0}; linked pairs {expected.LinkedPairs:N0}",
            string.Create(CultureInfo.InvariantCulture, $"Expected false links {expected.ExpectedFalseLinks:0.0}; expected missed links among compared pairs {expected.ExpectedMissedLinks:0.0}; clerical review queue {expected.ClericalReviewPairs:N0} pairs"),
            string.Create(CultureInfo.InvariantCulture, $"Time {seconds:0.0} s ({records.Count / Math.Max(seconds, 1e-9):N0} records/s)"),
        };
        var written = LinkOutput.Write(parse.GetValue(Output)!.FullName, records, scored, entities, model, summary);
        foreach (var line in summary)
            output.WriteLine(line);
        foreach (var path in written)
            output.WriteLine($"Wrote {path}");
        return ExitCodes.Success;
    }
}
