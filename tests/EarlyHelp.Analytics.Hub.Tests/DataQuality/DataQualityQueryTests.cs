using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.DataQuality;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.DataQuality;

/// <summary>Data-quality queries: raised by a "data looks wrong" review, routed to the dataset's owner, answered, each step audited.</summary>
public abstract class DataQualityQueryTests<TFixture> : PromptHubTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    [Fact]
    public void Query_WholeLife_RaisedConfirmedFixedWithEveryStepAuditedAndCounted()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        clock.Now = SavedAt.AddHours(1);

        // The reason names the dataset by its catalogue name, in another case: the query goes to its owner, the police.
        var review = Review(store, reference, ReviewOutcome.DataLooksWrong,
            "The domestic abuse incident attended by police on 12 Feb was at the neighbour's address");
        var raised = Assert.Single(store.DataQuality.List());
        Assert.Equal(new DataQualityQuery(1, reference.Value, review.Id, "police.domestic_abuse_incident", "Police",
            "The domestic abuse incident attended by police on 12 Feb was at the neighbour's address", "a.practitioner", SavedAt.AddHours(1),
            DataQualityStatus.Open), raised);

        clock.Now = SavedAt.AddDays(1);
        Assert.Equal(DataQualityChange.Done, store.DataQuality.Move(1, DataQualityStatus.Confirmed, "a.steward", "Police records unit agrees: wrong address"));
        clock.Now = SavedAt.AddDays(8);
        Assert.Equal(DataQualityChange.Done, store.DataQuality.Move(1, DataQualityStatus.FixedAtSource, "a.steward", "Corrected in the police system"));
        // Fixed is final: a later answer is refused and changes nothing.
        Assert.Equal(DataQualityChange.NotAllowed, store.DataQuality.Move(1, DataQualityStatus.NotAnError, "a.steward", "changed my mind"));

        Assert.Equal(
        [
            new DataQualityStep(1, DataQualityStatus.Open, "police.domestic_abuse_incident", "a.practitioner", SavedAt.AddHours(1),
                $"raised by review {review.Id} of prompt {reference.Value}"),
            new DataQualityStep(1, DataQualityStatus.Confirmed, "police.domestic_abuse_incident", "a.steward", SavedAt.AddDays(1),
                "Police records unit agrees: wrong address"),
            new DataQualityStep(1, DataQualityStatus.FixedAtSource, "police.domestic_abuse_incident", "a.steward", SavedAt.AddDays(8),
                "Corrected in the police system"),
        ], store.DataQuality.History(1));
        var audit = store.AuditLog.Entries().TakeLast(4).Select(e => (e.Actor, e.Action, e.Subject, e.Detail)).ToArray();
        Assert.Equal(
        [
            ("a.practitioner", "review.add", reference.Value, $"review {review.Id}: data_looks_wrong"),
            ("a.practitioner", "data_quality.raise", "data-quality query 1",
                $"raised by review {review.Id} of prompt {reference.Value}; to Police about police.domestic_abuse_incident"),
            ("a.steward", "data_quality.move", "data-quality query 1", "open to confirmed: Police records unit agrees: wrong address"),
            ("a.steward", "data_quality.move", "data-quality query 1", "confirmed to fixed_at_source: Corrected in the police system"),
        ], audit);
        Assert.Equal([new DataQualityReportRow("police.domestic_abuse_incident", "Police", 1, 0, 0, 1, 0)], store.DataQuality.Report());
        Assert.True(store.AuditLog.Verify().IsIntact);
    }

    [Fact]
    public void Query_NamingNoDataset_WaitsForAStewardToRouteItBeforeAnyAnswer()
    {
        using var store = OpenWithRun(out var run);
        var queue = store.Prompts.Queue(run.Id, new QueueFilter());
        Review(store, queue[0].Reference, ReviewOutcome.DataLooksWrong, "The family moved away two years ago");
        // A second review names two datasets by code: the hub does not guess between them.
        Review(store, queue[1].Reference, ReviewOutcome.DataLooksWrong, "Either police.asb_incident or housing.asb_case has the wrong family");

        Assert.All(store.DataQuality.List(), q => Assert.Null(q.Dataset));
        Assert.Equal(DataQualityChange.NotAllowed, store.DataQuality.Move(1, DataQualityStatus.Confirmed, "a.steward", "no owner asked yet"));
        Assert.Equal(DataQualityChange.UnknownDataset, store.DataQuality.Route(1, "police.no_such_thing", "a.steward", "wrong code"));
        Assert.Equal(DataQualityChange.NotFound, store.DataQuality.Route(9, "housing.asb_case", "a.steward", "no such query"));
        Assert.Equal(DataQualityChange.Done, store.DataQuality.Route(1, "housing.asb_case", "a.steward", "The move shows in the tenancy records"));
        Assert.Equal(DataQualityChange.Done, store.DataQuality.Move(1, DataQualityStatus.NotAnError, "a.steward", "Housing checked: the tenancy is current"));

        Assert.Equal(("Housing", DataQualityStatus.NotAnError), (store.DataQuality.Find(1)!.Owner, store.DataQuality.Find(1)!.Status));
        Assert.Equal([2L], store.DataQuality.List(DataQualityStatus.Open).Select(q => q.Id));
        Assert.Equal(
        [
            new DataQualityReportRow("housing.asb_case", "Housing", 1, 0, 0, 0, 1),
            new DataQualityReportRow(null, null, 1, 1, 0, 0, 0),
        ], store.DataQuality.Report());
        Assert.Equal(("data_quality.route", "to Housing about housing.asb_case: The move shows in the tenancy records"),
            (store.AuditLog.Entries()[^2].Action, store.AuditLog.Entries()[^2].Detail));
    }

    [Fact]
    public void Query_FamilyUnderRestriction_HeldBackCountedAndTheOptedOutIdNeverBesideTheReference()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        Review(store, reference, ReviewOutcome.DataLooksWrong, "The police.asb_incident record is a neighbour's");

        // Person 1 is the parent of family 10, whose prompt (rank 1) raised the query.
        store.OptOuts.Add(new EarlyHelp.Analytics.Core.PersonId(1), "restricted processing (UK GDPR article 18)", "an.administrator");

        Assert.Empty(store.DataQuality.List());
        Assert.Null(store.DataQuality.Find(1));
        Assert.Equal(DataQualityChange.NotFound, store.DataQuality.Move(1, DataQualityStatus.Confirmed, "a.steward", "should not happen"));
        Assert.Equal(DataQualityChange.NotFound, store.DataQuality.Route(1, "housing.asb_case", "a.steward", "should not happen"));
        Assert.Equal([new DataQualityReportRow("police.asb_incident", "Police", 1, 1, 0, 0, 0)], store.DataQuality.Report());
        Assert.DoesNotContain(store.AuditLog.Entries(), e => (e.Subject + " " + e.Detail) is var text
            && text.Contains("person 1", StringComparison.Ordinal) && text.Contains(reference.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void SubjectAccess_MemberOfTheFamily_SeesEachStepOfTheQueryAboutTheirRecords()
    {
        var clock = new FixedClock(SavedAt);
        using var store = OpenWithRun(out var run, clock);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        Review(store, reference, ReviewOutcome.DataLooksWrong, "The police.asb_incident record is a neighbour's");
        clock.Now = SavedAt.AddDays(2);
        store.DataQuality.Move(1, DataQualityStatus.NotAnError, "a.steward", "Police checked: the incident was at this address");

        // Person 2 is a child of family 10, whose prompt raised the query.
        var prompt = Assert.Single(store.SubjectAccess.Export(new EarlyHelp.Analytics.Core.PersonId(2), "subject access request 2026-9", "ig.officer").Prompts);

        Assert.Equal(
        [
            new Hub.Rights.SubjectDataQualityStep(1, "open", "police.asb_incident", "a.practitioner", "2024-03-02T09:00:00.0000000+00:00", $"raised by review 1 of prompt {reference.Value}"),
            new Hub.Rights.SubjectDataQualityStep(1, "not_an_error", "police.asb_incident", "a.steward", "2024-03-04T09:00:00.0000000+00:00",
                "Police checked: the incident was at this address"),
        ], prompt.DataQuality);
    }

    [Fact]
    public void Review_OtherOutcomes_RaiseNoQuery()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;

        Review(store, reference, ReviewOutcome.NoActionNeeded, "The Anti-social behaviour incident is old news");

        Assert.Empty(store.DataQuality.List());
        Assert.Empty(store.DataQuality.Report());
    }

    private static PromptReview Review(IHubStore store, PromptReference reference, ReviewOutcome outcome, string reason) =>
        Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(new ReviewSubmission(reference, outcome, reason, "a.practitioner", null))).Review;
}

public sealed class SqliteDataQualityQueryTests : DataQualityQueryTests<SqliteHubFixture>;
