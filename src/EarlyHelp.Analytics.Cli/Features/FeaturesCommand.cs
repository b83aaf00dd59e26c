using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Postgres;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Features;

/// <summary>
/// <c>earlyhelp features</c>: one row of point-in-time features per eligible family at an as-of
/// date (or at several, stacked), with the escalation label where its horizon is observed, as CSV.
/// </summary>
internal static class FeaturesCommand
{
    /// <summary>The verb.</summary>
    public static Command Create()
    {
        var hub = HubOption.Create();
        hub.Description = "The hub: a SQLite file path or a PostgreSQL connection string (Host=…;Database=…), which must hold a hub (load it with 'earlyhelp ingest').";
        var asOf = new Option<DateOnly>("--as-of")
        {
            Description = "The as-of date T: features use only records dated before T. With --snapshots, the latest date.",
            HelpName = "YYYY-MM-DD",
            Required = true,
            CustomParser = result => ParseDate(result, "--as-of"),
        };
        var output = new Option<string>("--out") { Description = "The CSV file to write.", HelpName = "FILE.csv", Required = true };
        var snapshots = new Option<int>("--snapshots")
        {
            Description = "Number of as-of dates to stack, ending at --as-of, for a training table.",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var everyMonths = new Option<int>("--every-months")
        {
            Description = "Months between stacked as-of dates (3 is quarterly).",
            HelpName = "M",
            DefaultValueFactory = _ => 3,
        };
        var horizon = new Option<int>("--horizon-months")
        {
            Description = "Months after T in which an escalation counts for the label (1 to 60).",
            HelpName = "MONTHS",
            DefaultValueFactory = _ => 12,
        };

        var workers = new Option<int>("--workers")
        {
            Description = "On a partitioned PostgreSQL hub (docs/scale.md): partitions read and built at once, each on one thread. Default: every core. A hub that is not partitioned is read whole.",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };

        var capFrom = new Option<DateOnly?>("--cap-look-back-from")
        {
            Description = "Cap each dataset's look-back, at every as-of date, to what the hub still holds at this date, as a training run does from its first training date (docs/validation.md).",
            HelpName = "YYYY-MM-DD",
            CustomParser = result => ParseDate(result, "--cap-look-back-from"),
        };

        var command = new Command("features",
            "Builds point-in-time family features and escalation labels from the hub and writes them as CSV " +
            "(family_id, as_of, the features, escalated — empty where the label's horizon is not yet observed). Recorded against an analyst's account and audited before the file is written.");
        foreach (var option in new Option[] { hub, asOf, output, snapshots, everyMonths, horizon, workers, capFrom })
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var writer = parseResult.InvocationConfiguration.Output;
            var count = parseResult.GetValue(snapshots);
            var every = parseResult.GetValue(everyMonths);
            if (count < 1)
                throw new UsageException($"The '--snapshots' option must be at least 1. Got {count} instead.");
            if (every < 1)
                throw new UsageException($"The '--every-months' option must be at least 1. Got {every} instead.");
            var workerCount = parseResult.GetValue(workers);
            if (workerCount < 1)
                throw new UsageException($"The '--workers' option must be at least 1. Got {workerCount} instead.");
            var options = new FeatureTableOptions
            {
                AsOfDates = FeatureTableOptions.Snapshots(parseResult.GetValue(asOf), count, every),
                HorizonMonths = parseResult.GetValue(horizon),
            };
            var request = new FeatureRequest(parseResult.GetRequiredValue(output), options, parseResult.GetValue(capFrom), workerCount);
            Run(parseResult, parseResult.GetRequiredValue(hub), request);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Run(ParseResult parseResult, string hubPath, FeatureRequest request)
    {
        var writer = parseResult.InvocationConfiguration.Output;
        var clock = WorkClock.Start();
        using var store = HubHistoryReading.Open(hubPath, AuditKeyOption.Value(parseResult));
        // The table holds every eligible family's features by family id: the actor is named before anything is read.
        var actor = CommandActor.Resolve(parseResult, store, "features", [UserRole.Analyst]);
        var partitions = HubPartitions.OpenReaders(store);
        if (partitions.Count > 0)
        {
            PartitionedFeatures.Run(writer, store, partitions, request, actor);
            return;
        }
        var history = ConsoleProgress.Run(writer, progress => HubHistory.Read(store.OpenReader(), store.Name, progress));
        var options = request.OptionsFor(history.ExtractDate);
        var read = clock.Lap();

        var table = ConsoleProgress.Run(writer, progress => FeatureTableBuilder.Build(history, options, progress));
        var build = clock.Lap();
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Read the hub in {read}: {history.PersonCount:N0} people, {history.EventCount:N0} records, {history.Families.Count:N0} families; extract date {history.ExtractDate:yyyy-MM-dd}."));
        request.Write(writer, table, build, store.AuditLog, actor);
    }

    private static DateOnly ParseDate(ArgumentResult result, string option)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        result.AddError($"The '{option}' option must be a date written YYYY-MM-DD. Got '{text}' instead.");
        return default;
    }
}
