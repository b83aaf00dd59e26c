using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Tests.Scoring;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

public sealed class FeedbackExclusionTests
{
    [Fact]
    public void Excludes_OfferSpan_OnlyWindowsItOverlaps()
    {
        // Prompted on 2023-02-01, offered on 2023-02-10, 12-month windows (t, t + 12 months]:
        // t = 2022-01-31: window ends 2023-01-31, before the prompt: kept.
        // t = 2022-02-28: window ends 2023-02-28; prompt 02-01 is before its end and the offer after t: excluded.
        // t = 2023-01-31: window (2023-01-31, 2024-01-31] holds the whole span: excluded.
        // t = 2023-02-09: the offer (02-10) is after t though the prompt is not: excluded.
        // t = 2023-02-10: the offer is not after t: kept (the help began before the window).
        var family = new FamilyId(7);
        var feedback = FeedbackExclusion.From([new HelpOffer(family, new DateOnly(2023, 2, 1), new DateOnly(2023, 2, 10))], 12);

        Assert.False(feedback.Excludes(family, new DateOnly(2022, 1, 31)));
        Assert.True(feedback.Excludes(family, new DateOnly(2022, 2, 28)));
        Assert.True(feedback.Excludes(family, new DateOnly(2023, 1, 31)));
        Assert.True(feedback.Excludes(family, new DateOnly(2023, 2, 9)));
        Assert.False(feedback.Excludes(family, new DateOnly(2023, 2, 10)));
        Assert.False(feedback.Excludes(new FamilyId(8), new DateOnly(2023, 1, 31)));
        Assert.Equal((1, 1), (feedback.Offers, feedback.Families));
    }

    [Fact]
    public void Split_OfferPlantedInTrainingWindows_ExcludesThatFamilyOnlyAtThoseDates()
    {
        var hub = TrainedCity.CopyHub(promoted: false);
        var clock = new SettableClock();
        using var store = HubStore.Open(hub, clock);
        var history = HubHistory.Read(store.OpenReader(), store.Name);
        var schedule = AsOfSchedule.Plan(store.Name, TrainedCity.AsOf, history.ExtractDate, HistoryStart.Of(history), 12, 3, 24);
        var dates = schedule.TrainingDates;
        Assert.True(dates.Count >= 4, $"the city gives {dates.Count} training dates; the test needs four");
        var table = FeatureTableBuilder.Build(history, new FeatureTableOptions { AsOfDates = schedule.AllDates, HorizonMonths = 12 });
        var groups = ConnectedFamilies.From(history);
        var before = DataSplit.Of(table, schedule, groups, 1, new PartitionShares());
        // A training family with a row at every training date.
        var family = before.Rows(RowRole.Training).GroupBy(r => table.Families[r]).First(g => g.Count() == dates.Count).Key;

        // Prompt run dated a month after the third training date, offer ten days later. Windows (t, t + 12 months]:
        // the first three training dates' windows end at or after the fourth date, after the prompt, and start before the
        // offer, so they overlap it; the fourth date and later start after the offer, so they do not.
        var prompted = dates[2].AddMonths(1);
        var offered = prompted.AddDays(10);
        clock.Now = new DateTimeOffset(prompted.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var run = store.Prompts.SaveRun(new ScoringRunSubmission
        {
            Model = new ModelReference("escalation", "test", new string('c', 64)),
            AsOf = prompted,
            Capacity = 1,
            CreatedBy = "an.analyst",
            FamiliesScored = 1,
            Excluded = new ExclusionCounts(0, 0, 0),
            Prompts = [new(family, 0.4, new PromptContent([new(ProblemCategory.CrimeAsb, "1 anti-social behaviour incident", 0.5, dates[2])], [], [], []))],
        });
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        clock.Now = new DateTimeOffset(offered.ToDateTime(new TimeOnly(14, 0)), TimeSpan.Zero);
        store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.OfferEarlyHelp, "Needs support now.", "a.practitioner", null));

        var offers = store.Prompts.HelpOffers();
        var after = DataSplit.Of(table, schedule, groups, 1, new PartitionShares(), FeedbackExclusion.From(offers, 12));

        Assert.Equal([new HelpOffer(family, prompted, offered)], offers);
        DateOnly[] DatesOf(IEnumerable<int> rows) => [.. rows.Where(r => table.Families[r] == family).Select(r => table.AsOfDates[r])];
        Assert.Equal(dates.Take(3), DatesOf(after.ExcludedAsHelped(RowRole.Training)));
        Assert.Equal(dates.Skip(3), DatesOf(after.Rows(RowRole.Training)));
        Assert.Equal(3, after.ExcludedAsHelped(RowRole.Training).Count);
        Assert.Equal(before.Rows(RowRole.Test), after.Rows(RowRole.Test));
    }

    private sealed class SettableClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
