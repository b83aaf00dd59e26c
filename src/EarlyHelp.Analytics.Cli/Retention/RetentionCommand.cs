using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Retention;

/// <summary><c>earlyhelp retention apply</c>: deletes what is past its retention period; <c>retention set</c>: the periods the hub keeps.</summary>
internal static class RetentionCommand
{
    /// <summary>Builds the verb and its sub-verb.</summary>
    public static Command Create()
    {
        var command = new Command("retention", "Retention: records, identities, prompts and audit entries past their periods are deleted.");
        command.Subcommands.Add(Apply());
        command.Subcommands.Add(Set());
        return command;
    }

    private static Command Apply()
    {
        var hub = HubOption.Create();
        var periods = new RetentionPeriodOptions();
        var command = new Command("apply",
            "Delete every agency record older than its dataset's retention period (counted from the newest extract date), every register " +
            "record whose period ended longer ago than --register-months, and every person none of whose records remain, with their " +
            "identities, residences and family memberships; every prompt untouched for --prompt-months, with its reviews, next steps and " +
            "data-quality queries; and the audit log's entries older than --audit-months, replaced by an entry recording the cut so that " +
            "the trail still verifies. Periods not given are the hub's (retention set). The trail is verified first. One transaction; the " +
            "audit log records how many of each kind were deleted, never which. Ingest does the same, by the hub's periods, at every load.");
        command.Options.Add(hub);
        periods.AddTo(command);
        command.SetAction(parseResult => WithPeriods(parseResult, hub, periods, "retention apply",
            (store, chosen, actor, output) => Write(output, HubRetention.Apply(store, actor, chosen))));
        return command;
    }

    private static Command Set()
    {
        var hub = HubOption.Create();
        var periods = new RetentionPeriodOptions();
        var command = new Command("set",
            "Keep retention periods in the hub, for every later load and retention run (audited as retention.set). Periods not given stay as they are.");
        command.Options.Add(hub);
        periods.AddTo(command);
        command.SetAction(parseResult => WithPeriods(parseResult, hub, periods, "retention set", (store, chosen, actor, output) =>
        {
            store.Retention.Save(chosen, actor);
            output.WriteLine($"The hub keeps {RetentionSettings.Describe(chosen)}.");
        }));
        return command;
    }

    // Opens the hub, takes its periods with the options given over them, and runs the verb as an administrator or IG.
    private static int WithPeriods(ParseResult parseResult, Option<string> hub, RetentionPeriodOptions periods, string verb,
        Action<IHubStore, RetentionPeriods, string, TextWriter> act)
    {
        using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
        var chosen = periods.Over(store.Retention.Read(), parseResult);
        var actor = CommandActor.Resolve(parseResult, store, verb, [UserRole.Administrator, UserRole.Governance]);
        act(store, chosen, actor, parseResult.InvocationConfiguration.Output);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter output, RetentionResult result)
    {
        output.WriteLine(result.Newest is { } newest
            ? string.Create(CultureInfo.InvariantCulture, $"Retention counted from the newest extract date, {newest:yyyy-MM-dd}: {result.Records:N0} records deleted.")
            : "The hub holds no extract yet: no record is due.");
        if (result.Expired.Count > 0)
        {
            var table = new TextTable("dataset", "records deleted");
            foreach (var (dataset, records) in result.Expired)
                table.Add(dataset, records.ToString("N0", CultureInfo.InvariantCulture));
            table.WriteTo(output);
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"People no longer in any source, removed with their identities: {result.PeopleBefore - result.PeopleAfter:N0} ({result.PeopleAfter:N0} remain)."));
        var prompts = result.Prompts;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Prompts deleted: {prompts.Prompts:N0} ({prompts.Reviewed:N0} reviewed), with {prompts.Reviews:N0} reviews, {prompts.NextSteps:N0} next steps and {prompts.DataQualityQueries:N0} data-quality queries."));
        if (prompts.Held > 0)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Prompts past their period held until a later-reviewed prompt is due: {prompts.Held:N0}."));
        output.WriteLine(result.AuditCut is { } cut
            ? string.Create(CultureInfo.InvariantCulture,
                $"Audit log cut: {cut.EntriesRemoved:N0} entries removed; the trail now starts after entry {cut.After.Entries:N0} and review {cut.After.Reviews:N0} (entry {cut.After.RecordedBy:N0} records the cut).")
            : "Audit log: no entry past its period; not cut.");
    }
}
