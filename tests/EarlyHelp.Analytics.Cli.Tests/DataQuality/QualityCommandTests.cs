using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.DataQuality;

public sealed class QualityCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-quality-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Query_RaisedByAReview_ListedAnsweredAndCountedInTheReport()
    {
        var hub = HubWithReview("The anti-social behaviour incident of June 2023 names the wrong person");

        var (_, list, _) = CommandRunner.Run("quality", "list", "--hub", hub, "--status", "open");
        var confirm = CommandRunner.Run("quality", "answer", "--hub", hub, "--query", "1", "--status", "confirmed", "--note", "Police agree");
        var fix = CommandRunner.Run("quality", "answer", "--hub", hub, "--query", "1", "--status", "fixed_at_source", "--note", "Corrected at source");
        var again = CommandRunner.Run("quality", "answer", "--hub", hub, "--query", "1", "--status", "not_an_error", "--note", "late");
        var (_, report, _) = CommandRunner.Run("quality", "report", "--hub", hub);

        var row = Assert.Single(CommandRunner.Lines(list), line => line.StartsWith("1 ", StringComparison.Ordinal));
        Assert.Contains(" open ", row, StringComparison.Ordinal);
        Assert.Contains(" police.asb_incident ", row, StringComparison.Ordinal);
        Assert.Equal((ExitCodes.Success, "Query 1 is now confirmed."), (confirm.Exit, confirm.Output.TrimEnd()));
        Assert.Equal((ExitCodes.Success, "Query 1 is now fixed at source."), (fix.Exit, fix.Output.TrimEnd()));
        Assert.Equal(ExitCodes.BadInput, again.Exit);
        Assert.Equal("earlyhelp: query 1: the query is fixed_at_source, which allows no further step; nothing changed", again.Error.TrimEnd());
        // One query, raised and fixed: raised 1, open 0, confirmed 0, fixed 1, not an error 0.
        var counts = Assert.Single(CommandRunner.Lines(report), line => line.StartsWith("police.asb_incident ", StringComparison.Ordinal));
        Assert.Equal(["police.asb_incident", "Police", "1", "0", "0", "1", "0"], counts.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Answer_UnroutedQuery_AsksForRoutingFirstAndUnknownStatusIsBadUsage()
    {
        var hub = HubWithReview("The family moved away years ago");

        var answer = CommandRunner.Run("quality", "answer", "--hub", hub, "--query", "1", "--status", "confirmed", "--note", "n");
        var unknown = CommandRunner.Run("quality", "answer", "--hub", hub, "--query", "1", "--status", "closed", "--note", "n");
        var route = CommandRunner.Run("quality", "route", "--hub", hub, "--query", "1", "--dataset", "housing.asb_case", "--note", "tenancy shows the move");

        Assert.Equal((ExitCodes.BadInput, "earlyhelp: query 1: the query is not routed to a dataset yet; route it with 'earlyhelp quality route' first"),
            (answer.Exit, answer.Error.TrimEnd()));
        Assert.Equal((ExitCodes.BadUsage, "earlyhelp: The '--status' option must be one of open, confirmed, fixed_at_source, not_an_error. Got 'closed' instead."),
            (unknown.Exit, unknown.Error.TrimEnd()));
        Assert.Equal((ExitCodes.Success, "Query 1 is sent to the owner of housing.asb_case."), (route.Exit, route.Output.TrimEnd()));
    }

    // The tiny extract loaded, one prompt for its first family, reviewed "data looks wrong" with the reason given.
    private string HubWithReview(string reason)
    {
        var hub = Path.Combine(scratch, "hub.db");
        CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch));
        using var store = HubStore.Open(hub);
        var family = new FamilyId(store.ExistingIds().Families.Min());
        var run = store.Prompts.SaveRun(new ScoringRunSubmission
        {
            Model = new ModelReference("escalation", "2024.1", new string('c', 64)),
            AsOf = new DateOnly(2024, 3, 31),
            Capacity = 1,
            CreatedBy = "an.analyst",
            FamiliesScored = 1,
            Excluded = new ExclusionCounts(0, 0, 0),
            Prompts = [new(family, 0.4, new PromptContent([new(ProblemCategory.CrimeAsb, "1 anti-social behaviour incident", 0.5, new DateOnly(2023, 6, 15))], [], [], []))],
        });
        var reference = store.Prompts.Queue(run.Id, new Hub.Prompts.QueueFilter())[0].Reference;
        store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.DataLooksWrong, reason, "a.practitioner", null));
        return hub;
    }
}
