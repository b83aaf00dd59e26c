using System.CommandLine;
using EarlyHelp.Analytics.Cli.AuditLog;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
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
        var hub = HubOption.Create();
        var folder = new Argument<string>("DIR")
        {
            Description = "The extract folder: agency CSV files, the council's register files and manifest.json (as 'earlyhelp generate' writes).",
        };
        var command = new Command("ingest",
            "Load an extract folder into the hub in one transaction. Every row is checked; the first fault stops the load " +
            "with file:line:column: reason (exit code 1) and the hub is left exactly as it was. Loading the same folder " +
            "again adds nothing; records older than their dataset's retention period are not loaded.");
        command.Options.Add(hub);
        command.Arguments.Add(folder);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var hubPath = parseResult.GetValue(hub)!;
            var existed = File.Exists(hubPath);
            var keyFile = AuditKey.FileFor(hubPath, AuditKeyOption.Value(parseResult));
            var keyExisted = File.Exists(keyFile);
            try
            {
                using var store = AuditKeyOption.OpenHub(parseResult, hubPath);
                var actor = CommandActor.Resolve(parseResult, store, "ingest", [UserRole.Analyst, UserRole.Administrator]);
                // A new hub's trail is empty: there is nothing yet for a checkpoint to hold.
                if (existed)
                    AuditCheckpoints.Write(store);
                var report = ConsoleProgress.Run(output, progress => ExtractIngest.Run(store, parseResult.GetValue(folder)!, actor, progress));
                IngestSummary.Write(output, report, store.Name);
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
