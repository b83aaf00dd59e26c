using System.CommandLine;
using EarlyHelp.Analytics.Cli.AuditLog;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Ingest;

/// <summary><c>earlyhelp ingest --hub HUB DIR</c>: loads an extract folder into the hub.</summary>
internal static class IngestCommand
{
    /// <summary>Builds the verb.</summary>
    public static Command Create()
    {
        var hub = HubOption.CreatedIfMissing();
        var folder = new Argument<string>("DIR")
        {
            Description = "The extract folder: agency CSV files, the council's register files and manifest.json (as 'earlyhelp generate' writes), " +
                "or a warehouse export without a manifest (give --extract-date).",
        };
        var command = new Command("ingest",
            "Load an extract folder into the hub in one transaction. Every row is checked; the first fault stops the load " +
            "with file:line:column: reason (exit code 1) and the hub is left exactly as it was. Loading the same folder " +
            "again adds nothing; records older than their dataset's retention period are not loaded.");
        var memory = new Option<bool>("--memory")
        {
            Description = "Write the live managed heap, resident memory and resident peak as each stage starts (a full garbage collection at each: for profiling).",
        };
        var linkByTruth = new Option<string?>("--link-by-truth")
        {
            Description = "EVALUATION ONLY: link each record to the person a synthetic city's truth folder (written by 'earlyhelp generate') says it is, " +
                "instead of the linkage model, to measure what linkage error costs the model. A real hub has no truth; refused without the folder.",
            HelpName = "CITY-TRUTH-DIR",
        };
        var extractDate = DateOption.Optional("--extract-date",
            "For a folder without manifest.json (a warehouse export named as the catalogue says): the date its files were exported. " +
            "The hub then counts each file's rows and SHA-256 itself and records them in the load's log.");
        var partitions = PartitionsOption.Create(
            "PostgreSQL only: load into a hub whose large tables are hash-partitioned into N partitions by family group (2 to 256; docs/scale.md): a new hub is created so, one not yet partitioned is partitioned first, one in another number is refused.");
        command.Options.Add(hub);
        command.Options.Add(extractDate);
        command.Options.Add(partitions);
        command.Options.Add(memory);
        command.Options.Add(linkByTruth);
        command.Arguments.Add(folder);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var hubPath = parseResult.GetValue(hub)!;
            var truth = parseResult.GetValue(linkByTruth);
            // Read before the hub is opened: a missing truth folder is refused with nothing created.
            var linker = truth is null ? null : TruthLinkage.From(truth);
            var partitionCount = PartitionsOption.Value(parseResult, partitions, hubPath);
            var existed = File.Exists(hubPath);
            var keyFile = AuditKey.FileFor(HubLocation.FileBase(hubPath), AuditKeyOption.Value(parseResult));
            var keyExisted = File.Exists(keyFile);
            try
            {
                using var store = PartitionsOption.OpenHub(parseResult, hubPath, partitionCount);
                var actor = CommandActor.Resolve(parseResult, store, "ingest", [UserRole.Analyst, UserRole.Administrator]);
                // A new hub's trail is empty: there is nothing yet for a checkpoint to hold.
                if (existed)
                    AuditCheckpoints.Write(store);
                var report = ConsoleProgress.Run(output, progress => ExtractIngest.Run(store, parseResult.GetValue(folder)!, actor,
                    parseResult.GetValue(memory) ? new MemoryProgress(output, progress) : progress, linker: linker,
                    extractDate: parseResult.GetValue(extractDate)));
                IngestSummary.Write(output, report, store.Name);
                if (truth is not null)
                    output.WriteLine($"Linked by the synthetic truth in {truth} (evaluation only): this hub's people are the truth's, not the linkage model's.");
                return ExitCodes.Success;
            }
            catch (BadInputException) when (!existed && File.Exists(hubPath))
            {
                // The hub did not exist before: leaving it as it was means leaving no empty hub (or its new key) behind.
                File.Delete(hubPath);
                if (!keyExisted)
                    File.Delete(keyFile);
                throw;
            }
        });
        return command;
    }
}
