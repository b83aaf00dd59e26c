using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.HubStats;
using EarlyHelp.Analytics.Cli.Training;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Statistics;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Promotion;
using EarlyHelp.Analytics.Pipelines.Training;
using EarlyHelp.Analytics.Synthetic;

namespace EarlyHelp.Analytics.Cli.Demo;

/// <summary>
/// <c>earlyhelp demo</c>: the whole pipeline on a synthetic city — generate, ingest, train, promote —
/// then where every report is. A run into a folder an earlier demo made starts clean; any other
/// non-empty folder is refused, so a demo never deletes anything it did not make.
/// </summary>
internal static class DemoCommand
{
    /// <summary>
    /// People in the default, quick demo city: it runs in about a minute and a half. Its test quarter (about 90
    /// escalations) is too small for the promotion rules to judge, so the quick demo scores its model as a marked trial.
    /// </summary>
    public const int DefaultPeople = 100_000;

    /// <summary>Months of history of the quick demo city: 24 months of look-back, five quarterly training dates (the last also calibrates) in the training outcome year, then the test outcome year.</summary>
    public const int DefaultMonths = 60;

    /// <summary>
    /// People in the full demo city (<c>--full</c>): a Bristol-sized city. The model's lead over the logistic regression
    /// is about 0.01 of AUC; this city's test quarter (about 460 escalations) shows it, at capacity too (docs/training.md,
    /// "Figures"), and can resolve the promotion rules.
    /// </summary>
    public const int FullPeople = 470_000;

    /// <summary>Months of history of the full demo city: 24 months of look-back before nine quarterly training dates (the last also calibrates), the training outcome year and the test outcome year.</summary>
    public const int FullMonths = 72;

    /// <summary>
    /// The stages in order. A later stage (scoring, serving the panel) is one more line here.
    /// </summary>
    public static IReadOnlyList<DemoStage> Stages { get; } =
    [
        new("generate a synthetic city", Generate),
        new("load its extracts into the hub", Ingest),
        new("train a candidate model", Train),
        new("propose it (as demo.analyst) and sign it off (as demo.ig): the demo's accounts take both steps of a promotion", Promote),
        new("score the families and store the top prompts", DemoPanel.Score),
        new("create demo accounts and open the panel app", DemoPanel.Open),
    ];

    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var folder = new Option<string>("--out") { Description = "The demo folder: extracts, their truth, the hub earlyhelp.db and models/. Default ./earlyhelp-demo; a folder from an earlier demo is cleared first.", DefaultValueFactory = _ => "earlyhelp-demo", HelpName = "DIR" };
        var people = new Option<int>("--people") { Description = $"People in the synthetic city (1000 to 5000000). Default {DefaultPeople:N0}, or {FullPeople:N0} with --full." };
        var months = new Option<int>("--months") { Description = $"Months of history (at least 48: two years of look-back, the training outcome year and the test outcome year). Default {DefaultMonths}, or {FullMonths} with --full." };
        var full = new Option<bool>("--full") { Description = $"The Bristol-sized city ({FullPeople:N0} people, {FullMonths} months), large enough for the promotion rules to judge its model: several minutes and up to 10 GB instead of about a minute and under 2 GB." };
        var seed = new Option<long>("--seed") { Description = "Seed of the city. Default 1.", DefaultValueFactory = _ => 1 };
        var noServe = new Option<bool>("--no-serve") { Description = "End after creating the demo accounts instead of serving the panel app until Ctrl+C (for scripts and CI)." };
        var command = new Command("demo", "Run the whole pipeline on a synthetic city: generate, ingest, train, promote, score; then show the hub and where every report is, and serve the panel app on loopback with one demo account per role until Ctrl+C.");
        foreach (var option in new Option[] { folder, people, months, full, seed, noServe })
            command.Options.Add(option);
        command.SetAction((parseResult, cancellation) =>
        {
            // Sentences wrapped to the terminal: the summaries' longest run to several hundred characters.
            using var output = new WrappingWriter(parseResult.InvocationConfiguration.Output, RootHelp.Width);
            var isFull = parseResult.GetValue(full);
            var city = new CityOptions
            {
                People = parseResult.GetResult(people) is null ? (isFull ? FullPeople : DefaultPeople) : parseResult.GetValue(people),
                Months = parseResult.GetResult(months) is null ? (isFull ? FullMonths : DefaultMonths) : parseResult.GetValue(months),
                Seed = parseResult.GetValue(seed),
            };
            if (city.Validate().FirstOrDefault() is { } problem)
                throw new UsageException(problem);
            var run = new DemoRun(Path.GetFullPath(parseResult.GetRequiredValue(folder)), city, output, cancellation) { Serve = !parseResult.GetValue(noServe) };
            Prepare(run.Folder);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < Stages.Count; i++)
            {
                cancellation.ThrowIfCancellationRequested();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {i + 1}/{Stages.Count} {Stages[i].Name}"));
                ConsoleProgress.Run(output, progress => Stages[i].Run(run, progress));
                output.WriteLine();
            }
            Summarise(run, clock.Elapsed);
            DemoPanel.Finish(run);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>Clears a folder an earlier demo made; refuses any other non-empty folder.</summary>
    private static void Prepare(string folder)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            if (!File.Exists(Path.Combine(folder, DemoRun.MarkerFile)))
                throw new UsageException($"The folder '{folder}' is not empty and was not made by 'earlyhelp demo'; give an empty or new folder with --out.");
            Directory.Delete(folder, recursive: true);
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, DemoRun.MarkerFile), "Made by 'earlyhelp demo'; the next demo run into this folder clears it.\n");
    }

    private static void Generate(DemoRun run, IProgress<Core.WorkProgress> progress)
    {
        var result = CityGenerator.Generate(run.City, run.Extracts, run.Truth, progress, run.Cancellation);
        run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{result.TruthRowsOf(Core.RegisterFiles.People.FileName):N0} people, {result.TruthRowsOf(Core.RegisterFiles.Families.FileName):N0} families, {result.EventRows:N0} agency records to {result.Manifest.ExtractDate:yyyy-MM-dd} in {run.Extracts}"));
    }

    private static void Ingest(DemoRun run, IProgress<Core.WorkProgress> progress)
    {
        using var store = HubStore.Open(run.Hub);
        run.Ingested = ExtractIngest.Run(store, run.Extracts, "demo", progress);
        run.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Loaded {run.Ingested.Counts.Added:N0} rows into {run.Hub}."));
    }

    private static void Train(DemoRun run, IProgress<Core.WorkProgress> progress)
    {
        using var store = HubStore.Open(run.Hub);
        var asOf = store.ExtractDate!.Value.AddDays(1);
        run.Trained = TrainingPipeline.Run(store, new TrainingRequest { ModelFolder = run.ModelFolder, Actor = "demo", TruthFolder = run.Truth },
            new TrainingOptions { AsOf = asOf }, progress, run.Cancellation);
        TrainingSummary.Write(run.Output, run.Trained);
    }

    /// <summary>
    /// Both steps of a promotion with the demo's own accounts: demo.analyst proposes, and when the checks pass demo.ig signs
    /// off with a note that says it is a demo and acknowledges each flag by its id. A real sign-off is a reviewer's judgement.
    /// </summary>
    private static void Promote(DemoRun run, IProgress<Core.WorkProgress> progress)
    {
        using var store = HubStore.Open(run.Hub);
        var flags = run.Trained!.Report.FairnessFlags;
        var analyst = DemoPanel.AddAccount(run, store, UserRole.Analyst);
        var reviewer = DemoPanel.AddAccount(run, store, UserRole.Governance);
        run.Promotion = ModelPromoter.Propose(store, DemoRun.ModelName, analyst.Username,
            "Demo proposal on a synthetic city: the candidate passed the evidence checks below.", progress);
        foreach (var check in run.Promotion.Checks)
            run.Output.WriteLine($"{(check.Passed ? "pass" : "FAIL")}  {check.Rule}: {check.Detail}");
        if (run.Promotion is not PromotionOutcome.Proposed)
        {
            run.Output.WriteLine($"Proposal refused: {DemoRun.ModelName} stays a candidate (the checks above say why).");
            return;
        }
        var note = "Demo sign-off on a synthetic city, not a real decision. " + (flags.Count == 0
            ? "No fairness flag was raised."
            : "Fairness flags acknowledged for the demo, without review: " + string.Join("; ", flags.Select(f => f.Id)) + ".");
        run.Promotion = ModelPromoter.Promote(store, DemoRun.ModelName, reviewer.Username, note);
        run.Output.WriteLine($"{analyst.Username} proposed {DemoRun.ModelName} and {reviewer.Username} signed it off (the demo's accounts, both audited): it is the champion.");
    }

    private static void Summarise(DemoRun run, TimeSpan elapsed)
    {
        var output = run.Output;
        using (var store = HubStore.Open(run.Hub))
            HubStatsText.Write(output, HubStatistics.Compute(store), coverage: false);
        output.WriteLine();
        output.WriteLine($"Reports, in {run.Trained!.Folder}:");
        foreach (var file in run.Trained.Files.Where(f => f.EndsWith(".html", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
            output.WriteLine("  " + file);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Demo finished in {elapsed.TotalSeconds:0} s. Open model_card.html there first."));
        output.WriteLine();
    }
}
