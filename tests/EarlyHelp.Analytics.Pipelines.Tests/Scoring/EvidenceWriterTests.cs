using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Pipelines.Scoring;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

public sealed class EvidenceWriterTests
{
    // The family at T = 2025-03-01: parent P (born 1990-05) and child C (born 2016-04, aged 8), members since 2015.
    //   P domestic abuse incidents attended by police on 2024-08-20, 2024-10-03, 2024-12-18, 2025-02-12 and 2025-03-01.
    //     The last 6 months are [2024-09-01, 2025-03-01): 2024-08-20 is before them and 2025-03-01 (= T) is not known,
    //     so police_domestic_abuse_incident_6m = 3, the most recent on 12 Feb 2025.
    //   P out-of-work benefit claim from 2024-06-01, no end: open at T.
    //   P moved from household 1 to household 2 on 2024-12-01: one move in the last 24 months.
    //   C early help from 2023-01-10 to 2023-07-31: one episode ended, last on 31 Jul 2023.
    //   No health record and no crime or anti-social behaviour record.
    private static readonly DateOnly AsOf = new(2025, 3, 1);

    private static FamilyHistory Family()
    {
        static HistoryEvent Record(string dataset, string start, string? end = null) =>
            new(DatasetIndex.Of(dataset), DateOnly.Parse(start), end is null ? null : DateOnly.Parse(end));
        var since = new DateOnly(2015, 1, 1);
        var parent = new MemberHistory(new PersonId(1), new YearMonth(1990, 5), null,
            [new MembershipPeriod(FamilyRole.Parent, since, null)],
            new[]
            {
                Record("dwp.out_of_work_benefit", "2024-06-01"),
                Record("police.domestic_abuse_incident", "2024-08-20"), Record("police.domestic_abuse_incident", "2024-10-03"),
                Record("police.domestic_abuse_incident", "2024-12-18"), Record("police.domestic_abuse_incident", "2025-02-12"),
                Record("police.domestic_abuse_incident", "2025-03-01"),
            }.Order().ToArray(),
            [new ResidencePeriod(new HouseholdId(1), "E01000001", since, new DateOnly(2024, 11, 30)),
             new ResidencePeriod(new HouseholdId(2), "E01000002", new DateOnly(2024, 12, 1), null)],
            OptedOut: false);
        var child = new MemberHistory(new PersonId(2), new YearMonth(2016, 4), null,
            [new MembershipPeriod(FamilyRole.Child, since, null)],
            new[] { Record(DatasetCatalogue.EarlyHelpEpisode, "2023-01-10", "2023-07-31") },
            [new ResidencePeriod(new HouseholdId(1), "E01000001", since, null)],
            OptedOut: false);
        return new FamilyHistory(new FamilyId(1), [parent, child]);
    }

    private static EvidenceItem? Write(string feature, double contribution = 0.4)
    {
        var history = Family();
        var values = FeatureBuilder.Values(history, AsOf);
        var position = FeatureCatalogue.IndexOf(feature);
        return EvidenceWriter.Write(FeatureCatalogue.All[position], values[position], contribution, FamilyRecords.Of(history, new AsOfDate(AsOf)));
    }

    [Fact]
    public void Write_PoliceCallOutsInWindow_CountsThreeDatedByTheLatest()
    {
        var item = Write("police_domestic_abuse_incident_6m");

        Assert.Equal(new EvidenceItem(ProblemCategory.DomesticAbuse,
            "Domestic abuse incident attended by police: 3 in the last 6 months, most recent 12 Feb 2025", 0.4, new DateOnly(2025, 2, 12)), item);
    }

    [Fact]
    public void Write_ProblemWindow_CountsEveryDatasetOfTheProblem()
    {
        // Domestic abuse over 12 months [2024-03-01, 2025-03-01): the four incidents before T.
        var item = Write("domestic_abuse_12m", -0.2);

        Assert.Equal("Domestic abuse: 4 records in the last 12 months, across all agencies, most recent 12 Feb 2025", item!.Text);
        Assert.Equal(EvidenceDirection.Lowers, item.Direction);
    }

    [Fact]
    public void Write_OpenClaim_DatedByItsStart()
    {
        var item = Write("dwp_out_of_work_benefit_open");

        Assert.Equal(new EvidenceItem(ProblemCategory.WorklessnessFinance,
            "Out-of-work benefit claim: 1 open at the as-of date, most recent starting 1 Jun 2024", 0.4, new DateOnly(2024, 6, 1)), item);
    }

    [Fact]
    public void Write_EndedEarlyHelp_DatedByItsEndUnderChildrenWhoNeedHelp()
    {
        var item = Write("early_help_ended");

        Assert.Equal(new EvidenceItem(ProblemCategory.ChildrenNeedHelp,
            "1 earlier early help episode that has ended, last ended 31 Jul 2023", 0.4, new DateOnly(2023, 7, 31)), item);
    }

    [Fact]
    public void Write_NoHealthRecord_SaysSoWithoutADate()
    {
        var item = Write("health_months_since_latest", -0.1);

        Assert.Equal(new EvidenceItem(ProblemCategory.Health, "Health: no record in the retention period", -0.1, null), item);
    }

    [Fact]
    public void Write_RecordInTheLastMonth_SaysItsDateAndInTheLastMonth()
    {
        // 2025-02-12 is in the last month [2025-02-01, 2025-03-01): offset 0.
        var item = Write("domestic_abuse_months_since_latest");

        Assert.Equal("Domestic abuse: most recent record 12 Feb 2025, in the last month", item!.Text);
    }

    [Fact]
    public void Write_RecordMonthsBefore_SaysHowManyMonthsAgo()
    {
        // The claim started 2024-06-01. Whole months back from T = 2025-03-01: Feb 2025 is 0, Jan 1, ... Jun 2024 is 8.
        var item = Write("dwp_out_of_work_benefit_months_since_latest");

        Assert.Equal("Out-of-work benefit claim: most recent record 1 Jun 2024, 8 to 9 months ago", item!.Text);
        Assert.Equal(new DateOnly(2024, 6, 1), item.MostRecent);
    }

    [Fact]
    public void Write_ZeroCount_HasNoDate()
    {
        var item = Write("crime_asb_12m", -0.1);

        Assert.Equal(new EvidenceItem(ProblemCategory.CrimeAsb, "Crime and anti-social behaviour: 0 records in the last 12 months, across all agencies", -0.1, null), item);
    }

    [Fact]
    public void Write_FamilyMakeUpAndMoves_AreAboutTheFamilyAsAWhole()
    {
        var children = Write("children");
        var moves = Write("household_moves_24m");

        Assert.Equal(new EvidenceItem(null, "1 dependent child (aged 0 to 17)", 0.4, null), children);
        Assert.Equal(new EvidenceItem(null, "1 move of address in the last 24 months, most recent 1 Dec 2024", 0.4, new DateOnly(2024, 12, 1)), moves);
    }

    [Fact]
    public void Write_ZeroContributionOrMissingValueWithoutMeaning_WritesNothing()
    {
        Assert.Null(Write("children", contribution: 0));
        // No child has left care or a plan, but the oldest child's age is known; a missing age would say nothing.
        var history = Family();
        var feature = FeatureCatalogue.Get("youngest_child_age");
        Assert.Null(EvidenceWriter.Write(feature, float.NaN, 0.3, FamilyRecords.Of(history, new AsOfDate(AsOf))));
    }
}
