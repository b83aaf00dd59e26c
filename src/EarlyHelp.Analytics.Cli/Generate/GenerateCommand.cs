using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Cli.Generate;

/// <summary><c>earlyhelp generate</c>: writes a seeded synthetic city as agency extracts, registers and a manifest, with its ground truth apart.</summary>
internal static class GenerateCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var defaults = new CityOptions();
        var people = new Option<int>("--people") { Description = $"People in the city when the simulation starts (1000 to 5000000). Default {defaults.People}.", DefaultValueFactory = _ => defaults.People };
        var seed = new Option<long>("--seed") { Description = $"Master seed: the same seed and options give byte-identical files. Default {defaults.Seed}.", DefaultValueFactory = _ => defaults.Seed };
        var months = new Option<int>("--months") { Description = $"Months of history to write (1 to 240). Default {defaults.Months}.", DefaultValueFactory = _ => defaults.Months };
        var start = new Option<string>("--start") { Description = $"First month of history, YYYY-MM. Default {defaults.Start}. The extract date is the last day of the final month.", DefaultValueFactory = _ => defaults.Start.ToString() };
        var output = new Option<DirectoryInfo>("--out") { Description = "Extract folder to write: manifest.json, the catalogue the extracts follow (datasets.yaml), the register files and one CSV per dataset, nothing else.", Required = true };
        var truth = new Option<DirectoryInfo?>("--truth-out") { Description = "Ground-truth folder (latent need, the person behind each record), for evaluation only; must lie outside --out. Default: a sibling of --out named <out>-truth." };
        var warmUp = new Option<int>("--warm-up-months") { Description = $"Months simulated before --start and not written, except what is still open at the start (0 to 240). Default {defaults.WarmUpMonths}.", DefaultValueFactory = _ => defaults.WarmUpMonths };
        var noBias = new Option<bool>("--no-recording-bias") { Description = "Record every group alike for the same true need. The true city is unchanged; only the extracts differ." };
        var ethnicBias = new Option<double>("--black-and-mixed-bias") { Description = $"How much likelier police, school, health visitor and social care records are for Black and Mixed families with the same need (1 to 5). Default {defaults.RecordingBias.BlackAndMixedMultiplier.ToString(CultureInfo.InvariantCulture)}.", DefaultValueFactory = _ => defaults.RecordingBias.BlackAndMixedMultiplier };
        var tenureBias = new Option<double>("--social-rent-bias") { Description = $"How much likelier those records are for families in social housing with the same need (1 to 5). Default {defaults.RecordingBias.SocialRentMultiplier.ToString(CultureInfo.InvariantCulture)}.", DefaultValueFactory = _ => defaults.RecordingBias.SocialRentMultiplier };
        var deliveries = new Option<int>("--deliveries") { Description = $"Monthly deliveries ending at the extract date, each a folder under --out named by its date holding what the agencies had entered by then (1 to 60). Default {defaults.Deliveries}: one extract folder with the whole history.", DefaultValueFactory = _ => defaults.Deliveries };
        var threads = new Option<int>("--threads") { Description = "Threads simulating households (1 to 64); the output does not depend on it. Default: the processor count.", DefaultValueFactory = _ => Environment.ProcessorCount };

        var command = new Command("generate", "Simulate a seeded synthetic city month by month and write its agency extracts, register files and manifest.json to --out, and its ground truth to a separate folder.");
        foreach (var option in new Option[] { people, seed, months, start, output, truth, warmUp, noBias, ethnicBias, tenureBias, deliveries, threads })
            command.Options.Add(option);

        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            if (parseResult.GetValue(noBias) && (Explicit(parseResult, ethnicBias) || Explicit(parseResult, tenureBias)))
                throw new UsageException("--no-recording-bias cannot be combined with --black-and-mixed-bias or --social-rent-bias.");
            if (!YearMonth.TryParse(parseResult.GetValue(start), out var startMonth))
                throw new UsageException($"--start must be a month written YYYY-MM. Got '{parseResult.GetValue(start)}' instead.");

            var options = new CityOptions
            {
                People = parseResult.GetValue(people),
                Seed = parseResult.GetValue(seed),
                Months = parseResult.GetValue(months),
                Start = startMonth,
                WarmUpMonths = parseResult.GetValue(warmUp),
                Threads = parseResult.GetValue(threads),
                Deliveries = parseResult.GetValue(deliveries),
                RecordingBias = parseResult.GetValue(noBias) ? RecordingBias.None : new RecordingBias
                {
                    BlackAndMixedMultiplier = parseResult.GetValue(ethnicBias),
                    SocialRentMultiplier = parseResult.GetValue(tenureBias),
                },
            };
            var extractDirectory = parseResult.GetValue(output)!.FullName;
            var truthDirectory = parseResult.GetValue(truth)?.FullName ?? CityGenerator.DefaultTruthDirectory(extractDirectory);
            var problems = options.Validate().Concat(CityGenerator.CheckDirectories(options, extractDirectory, truthDirectory)).ToList();
            if (problems.Count > 0)
                throw new UsageException(problems[0]);

            var clock = Stopwatch.StartNew();
            var result = ConsoleProgress.Run(writer, progress => CityGenerator.Generate(options, extractDirectory, truthDirectory, progress));
            Report(writer, result, clock.Elapsed);
            return ExitCodes.Success;
        });
        return command;
    }

    private static bool Explicit(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static void Report(TextWriter writer, GenerationResult result, TimeSpan elapsed)
    {
        var manifest = result.Manifest;
        var rows = result.EventRows + result.RegisterRows;
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {manifest.Files.Count} files to {result.ExtractDirectory} (extract date {manifest.ExtractDate:yyyy-MM-dd})."));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  true people {result.TruthRowsOf(RegisterFiles.People.FileName):N0}, households {result.TruthRowsOf(RegisterFiles.Households.FileName):N0}, families {result.TruthRowsOf(RegisterFiles.Families.FileName):N0} (in {result.TruthDirectory})"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  agency records {result.EventRows:N0}, council file rows {result.RegisterRows:N0}, {rows / Math.Max(0.001, elapsed.TotalSeconds):N0} rows/s in {elapsed.TotalSeconds:F1} s"));
        foreach (var delivery in result.Deliveries)
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  delivery {delivery.ExtractDate:yyyy-MM-dd}: agency records {delivery.Manifest.Files.Where(f => f.Dataset is not null).Sum(f => f.Rows):N0} in {delivery.Directory}"));
        writer.WriteLine($"Ground truth (evaluation only) in {result.TruthDirectory}.");
    }
}
