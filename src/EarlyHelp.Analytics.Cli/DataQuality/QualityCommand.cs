using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.DataQuality;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.DataQuality;

/// <summary>
/// <c>earlyhelp quality list|route|answer|report</c>: the data-steward queue of data-quality queries that "data looks
/// wrong" reviews raise. Administrators are the stewards (docs/lifecycle.md says why).
/// </summary>
internal static class QualityCommand
{
    /// <summary>The longest note accepted.</summary>
    public const int MaximumNoteLength = 500;

    /// <summary>Builds the verb and its sub-verbs.</summary>
    public static Command Create()
    {
        var command = new Command("quality", "Data-quality queries raised by 'data looks wrong' reviews: the steward's queue and the report per dataset.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Route());
        command.Subcommands.Add(Answer());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Command List()
    {
        var hub = HubOption.Create();
        var status = new Option<string?>("--status") { Description = $"Only queries in this status: {Codes()}.", HelpName = "STATUS" };
        var command = new Command("list", "List the queries, newest first: number, status, dataset, owner, raised by and when, what looks wrong. Audited.");
        command.Options.Add(hub);
        command.Options.Add(status);
        command.SetAction(parseResult =>
        {
            var wanted = parseResult.GetValue(status) is { } code ? ParseStatus(code) : (DataQualityStatus?)null;
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var actor = CommandActor.Resolve(parseResult, store, "quality list", [UserRole.Administrator]);
            var queries = store.DataQuality.List(wanted);
            store.DataQuality.RecordView(actor, $"{queries.Count} queries listed");
            var table = new TextTable("query", "status", "dataset", "owner", "raised by", "raised (UTC)", "what looks wrong");
            foreach (var query in queries)
            {
                table.Add(query.Id.ToString(CultureInfo.InvariantCulture), query.Status.Code(), query.Dataset ?? "not routed", query.Owner ?? "",
                    query.RaisedBy, query.RaisedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), query.WhatLooksWrong);
            }
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Route()
    {
        var (hub, query, note) = StepOptions();
        var dataset = new Option<string>("--dataset") { Description = "The dataset code whose owner is asked, e.g. housing.asb_case.", Required = true, HelpName = "CODE" };
        var command = new Command("route", "Send a query to a dataset's owner (a query whose reason named no single dataset waits for this). Audited.");
        command.Options.Add(hub);
        command.Options.Add(query);
        command.Options.Add(dataset);
        command.Options.Add(note);
        command.SetAction(parseResult => Step(parseResult, hub, query, note, "quality route",
            (store, id, actor, why) => store.DataQuality.Route(id, parseResult.GetValue(dataset)!, actor, why),
            id => $"Query {id} is sent to the owner of {parseResult.GetValue(dataset)}."));
        return command;
    }

    private static Command Answer()
    {
        var (hub, query, note) = StepOptions();
        var status = new Option<string>("--status")
        {
            Description = "The owner's answer: confirmed, fixed_at_source or not_an_error.",
            Required = true,
            HelpName = "STATUS",
        };
        var command = new Command("answer",
            "Record the owner's answer to a routed query: open may become confirmed, fixed_at_source or not_an_error; confirmed may become " +
            "fixed_at_source or not_an_error; the last two are final. Audited with the note.");
        command.Options.Add(hub);
        command.Options.Add(query);
        command.Options.Add(status);
        command.Options.Add(note);
        command.SetAction(parseResult =>
        {
            var to = ParseStatus(parseResult.GetValue(status)!);
            return Step(parseResult, hub, query, note, "quality answer", (store, id, actor, why) => store.DataQuality.Move(id, to, actor, why),
                id => $"Query {id} is now {to.PlainName().ToLowerInvariant()}.");
        });
        return command;
    }

    private static Command Report()
    {
        var hub = HubOption.Create();
        var command = new Command("report", "Per dataset: queries raised, open, confirmed, fixed at source and not an error; the queries not yet routed last.");
        command.Options.Add(hub);
        command.SetAction(parseResult =>
        {
            using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
            var table = new TextTable("dataset", "owner", "raised", "open", "confirmed", "fixed at source", "not an error");
            foreach (var row in store.DataQuality.Report())
            {
                table.Add(row.Dataset ?? "not routed", row.Owner ?? "", Count(row.Raised), Count(row.Open), Count(row.Confirmed),
                    Count(row.FixedAtSource), Count(row.NotAnError));
            }
            table.WriteTo(parseResult.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string> Hub, Option<long> Query, Option<string> Note) StepOptions() =>
    (
        HubOption.Create(),
        new Option<long>("--query") { Description = "The query's number, as 'quality list' shows it.", Required = true, HelpName = "N" },
        new Option<string>("--note")
        {
            Description = $"Why, in a few words (who was asked, what they said); up to {MaximumNoteLength} characters. Audited.",
            Required = true,
            HelpName = "TEXT",
        }
    );

    // One step of a query's life: check the note, open the hub, name the actor, take the step and say what came of it.
    private static int Step(ParseResult parseResult, Option<string> hub, Option<long> query, Option<string> note, string action,
        Func<IHubStore, long, string, string, DataQualityChange> take, Func<long, string> done)
    {
        var id = parseResult.GetValue(query);
        var why = parseResult.GetValue(note)!.Trim();
        if (why.Length is 0 or > MaximumNoteLength)
            throw new UsageException($"The '--note' option must hold 1 to {MaximumNoteLength} characters. Got {why.Length} instead.");
        using var store = ExistingHub.Open(parseResult.GetValue(hub)!, parseResult);
        var actor = CommandActor.Resolve(parseResult, store, action, [UserRole.Administrator]);
        var subject = string.Create(CultureInfo.InvariantCulture, $"query {id}");
        switch (take(store, id, actor, why))
        {
            case DataQualityChange.Done:
                parseResult.InvocationConfiguration.Output.WriteLine(done(id));
                return ExitCodes.Success;
            case DataQualityChange.NotFound:
                throw new BadInputException(subject, "there is no such data-quality query; see 'earlyhelp quality list'");
            case DataQualityChange.UnknownDataset:
                throw new BadInputException(subject, "the dataset code is not in the hub's catalogue; nothing changed");
            default:
                var current = store.DataQuality.Find(id)!;
                throw new BadInputException(subject, current.Dataset is null
                    ? "the query is not routed to a dataset yet; route it with 'earlyhelp quality route' first"
                    : $"the query is {current.Status.Code()}, which allows {Allowed(current.Status)}; nothing changed");
        }
    }

    private static string Allowed(DataQualityStatus status) =>
        status.NextSteps().Count == 0 ? "no further step" : string.Join(" or ", status.NextSteps().Select(s => s.Code()));

    private static DataQualityStatus ParseStatus(string code) => DataQualityStatuses.TryParse(code.Trim(), out var status)
        ? status
        : throw new UsageException($"The '--status' option must be one of {Codes()}. Got '{code}' instead.");

    private static string Codes() => string.Join(", ", DataQualityStatuses.All.Select(s => s.Code()));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
