using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Retention;

/// <summary><c>earlyhelp retention apply</c>: deletes what is past its retention period.</summary>
internal static class RetentionCommand
{
    /// <summary>Builds the verb and its sub-verb.</summary>
    public static Command Create()
    {
        var command = new Command("retention", "Retention: records, identities and prompts past their periods are deleted.");
        command.Subcommands.Add(Apply());
        return command;
    }

    private static Command Apply()
    {
        var defaults = RetentionPeriods.Default;
        var hub = HubOption.Create();
        var registerMonths = new Option<int>("--register-months")
        {
            Description = $"Months a register or relationship record is kept after its period ends. Default {defaults.RegisterRecordMonths}.",
            DefaultValueFactory = _ => defaults.RegisterRecordMonths,
            HelpName = "N",
        };
        var promptMonths = new Option<int>("--prompt-months")
        {
            Description = $"Months an unreviewed prompt is kept after its scoring run. Default {defaults.PromptMonths}.",
            DefaultValueFactory = _ => defaults.PromptMonths,
            HelpName = "N",
        };
        var command = new Command("apply",
            "Delete every agency record older than its dataset's retention period (counted from the newest extract date), every register " +
            "record whose period ended longer ago than --register-months, and every person none of whose records remain, with their " +
            "identities, residences and family memberships; and unreviewed prompts older than --prompt-months. One transaction; the " +
            "audit log records how many records of which dataset were deleted, never which. Ingest does the same for records at every load.");
        command.Options.Add(hub);
        command.Options.Add(registerMonths);
        command.Options.Add(promptMonths);
        command.SetAction(parseResult =>
        {
            var periods = RetentionPeriods.Default with
            {
                RegisterRecordMonths = parseResult.GetValue(registerMonths),
                PromptMonths = parseResult.GetValue(promptMonths),
            };
            if (periods.Validate().FirstOrDefault() is { } problem)
                throw new UsageException(problem.Replace("'RegisterRecordMonths'", "'--register-months'", StringComparison.Ordinal)
                    .Replace("'PromptMonths'", "'--prompt-months'", StringComparison.Ordinal));
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "retention apply", [UserRole.Administrator, UserRole.Governance]);
            var result = HubRetention.Apply(store, actor, periods);
            Write(parseResult.InvocationConfiguration.Output, result);
            return ExitCodes.Success;
        });
        return command;
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
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Unreviewed prompts deleted: {result.Prompts:N0}; reviewed prompts past the period kept with their reviews: {result.ReviewedPromptsKept:N0}."));
    }
}
