using EarlyHelp.Analytics.Hub.Statistics;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Statistics;

/// <summary>
/// The realism figures of a hand-built Hub. D = 2024-03-31. Ages count from the 1st of the birth month.
///
/// household  decile  residents at D (age)                              not resident
/// H1         1       P1 (33), P2 (9), P3 (4)                            P16 (left 2023-12-31)
/// H2         1       P4 (39), P5 (35), P6 (13), P18 (0), P19 (13)
/// H3         10      P7 (49), P8 (11), P9 (7), P10 (17)                 (P19 left 2023-06-30)
/// H4         10      P11 (64), P12 (65)
/// H5         5       P13 (16), P14 (5), P17 (24, moved in on D)         P15 (died 2024-02)
///
/// 17 residents; 10 children: P2, P3, P6, P8, P9, P10, P13, P14, P18, P19 (P10 and P13, aged 17 and 16,
/// are also of working age).
/// </summary>
public abstract class RealismFiguresTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private static CanonicalHubBuilder HandBuiltCity() => new CanonicalHubBuilder(new DateOnly(2024, 3, 31))
        .Household(1, imdDecile: 1).Household(2, imdDecile: 1).Household(3, imdDecile: 10).Household(4, imdDecile: 10).Household(5, imdDecile: 5)
        .Person(1, "1990-05").Person(2, "2015-03").Person(3, "2020-01")
        .Person(4, "1985-01").Person(5, "1988-07").Person(6, "2010-04").Person(18, "2024-03").Person(19, "2011-02")
        .Person(7, "1975-02").Person(8, "2012-09").Person(9, "2016-06").Person(10, "2006-04")
        .Person(11, "1960-03").Person(12, "1958-12")
        .Person(13, "2007-11").Person(14, "2019-03").Person(17, "1999-05").Person(15, "1980-01", deathMonth: "2024-02")
        .Person(16, "2014-01")
        .Residence(1, 1, new(2020, 1, 1)).Residence(2, 1, new(2020, 1, 1)).Residence(3, 1, new(2020, 1, 1))
        .Residence(16, 1, new(2014, 1, 1), new(2023, 12, 31))
        .Residence(4, 2, new(2010, 4, 1)).Residence(5, 2, new(2010, 4, 1)).Residence(6, 2, new(2010, 4, 1)).Residence(18, 2, new(2024, 3, 1))
        .Residence(19, 3, new(2011, 2, 1), new(2023, 6, 30)).Residence(19, 2, new(2023, 7, 1))
        .Residence(7, 3, new(2006, 4, 1)).Residence(8, 3, new(2012, 9, 1)).Residence(9, 3, new(2016, 6, 1)).Residence(10, 3, new(2006, 4, 1))
        .Residence(11, 4, new(2000, 1, 1)).Residence(12, 4, new(2000, 1, 1))
        .Residence(13, 5, new(2019, 3, 1)).Residence(14, 5, new(2019, 3, 1)).Residence(17, 5, new(2024, 3, 31)).Residence(15, 5, new(2010, 1, 1))
        .Event("dwp.out_of_work_benefit", "W1", 1, new(2022, 1, 1))
        .Event("dwp.out_of_work_benefit", "W4", 4, new(2023, 6, 1), new(2024, 6, 30))
        .Event("dwp.out_of_work_benefit", "W11", 11, new(2021, 5, 1))
        .Event("dwp.out_of_work_benefit", "W13", 13, new(2023, 1, 1), new(2024, 3, 31))
        .Event("dwp.out_of_work_benefit", "W15", 15, new(2021, 1, 1))
        .Event("csc.looked_after", "LA2", 2, new(2023, 1, 15))
        .Event("csc.looked_after", "LA8", 8, new(2022, 7, 1))
        .Event("csc.looked_after", "LA16", 16, new(2023, 2, 1))
        .Event("csc.cin_plan", "CIN3", 3, new(2023, 11, 1))
        .Event("csc.cin_plan", "CIN9", 9, new(2023, 1, 1), new(2024, 3, 31))
        .Event("csc.cin_plan", "CIN18", 18, new(2024, 3, 31))
        .Event("csc.cp_plan", "CP6", 6, new(2023, 12, 1))
        .Event("school.persistent_absence", "PA2", 2, new(2023, 9, 4), new(2023, 12, 20), 12.5)
        .Event("school.persistent_absence", "PA8", 8, new(2024, 3, 31), null, 10.5)
        .Event("school.persistent_absence", "PA10", 10, new(2023, 10, 1), null, 11)
        .Event("school.persistent_absence", "PA14", 14, new(2023, 3, 31), null, 15)
        .Event("police.domestic_abuse_incident", "DA1", 1, new(2023, 5, 10))
        .Event("police.domestic_abuse_incident", "DA2", 4, new(2024, 3, 31))
        .Event("police.domestic_abuse_incident", "DA3", 15, new(2023, 8, 1))
        .Event("police.domestic_abuse_incident", "DA4", 7, new(2023, 3, 31));

    private RealismReport Compute(CanonicalHubBuilder city)
    {
        using var store = Hub.Open();
        city.LoadInto(store);
        return RealismFigures.Compute(store.OpenReader());
    }

    [StoreFact]
    public void Compute_HandBuiltCity_Populations()
    {
        var report = Compute(HandBuiltCity());

        Assert.Equal(new DateOnly(2024, 3, 31), report.AsOf);
        Assert.Equal(17, report.Residents);
        Assert.Equal(10, report.Children);
        // Aged 5-15: P2 (9), P6 (13), P8 (11), P9 (7), P14 (5), P19 (13); P13 is 16.
        Assert.Equal(6, report.ChildrenAged5To15);
        // H1 (P1), H2 (P4, P5), H3 (P7, P10 aged 17), H4 (P11 aged 64; P12 is 65), H5 (P13 aged 16, P17).
        Assert.Equal(5, report.HouseholdsWithWorkingAgeResident);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_ChildrenShare()
    {
        // 10 children / 17 residents.
        Assert.Equal(10.0 / 17, Compute(HandBuiltCity())["children_share"].Value!.Value, 12);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_ChildrenInNeedPer10k()
    {
        // Open at D: LA of P2 and P8, CIN of P3, CP of P6, CIN of P18 (starts on D). CIN9 ended on D, so
        // it is closed; P16 is looked after but not resident. 5 of 10 children.
        Assert.Equal(5.0 / 10 * 10_000, Compute(HandBuiltCity())["children_in_need_per_10k"].Value!.Value, 9);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_ChildProtectionPer10k()
    {
        // P6 only: 1 of 10 children.
        Assert.Equal(1.0 / 10 * 10_000, Compute(HandBuiltCity())["child_protection_per_10k"].Value!.Value, 9);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_LookedAfterPer10k()
    {
        // P2 and P8: 2 of 10 children.
        Assert.Equal(2.0 / 10 * 10_000, Compute(HandBuiltCity())["looked_after_per_10k"].Value!.Value, 9);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_PersistentAbsenceShare()
    {
        // Window (2023-03-31, 2024-03-31]: PA2 and PA8 (on D) count; PA14 starts on the window's open end;
        // P10 is 17, outside 5-15. 2 of 6.
        Assert.Equal(2.0 / 6, Compute(HandBuiltCity())["persistent_absence_share"].Value!.Value, 12);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_WorklessHouseholdShare()
    {
        // Workless: H1 (P1 claims) and H4 (P11 claims; P12 is 65). H2 has P5 in work, H3 nobody claims,
        // H5's claim by P13 ended on D. 2 of 5.
        Assert.Equal(2.0 / 5, Compute(HandBuiltCity())["workless_household_share"].Value!.Value, 12);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_DomesticAbuseIncidentsPer1000()
    {
        // DA1, DA2 (on D) and DA3 (about a person who has since died: every incident counts) in the window;
        // DA4 is on the window's open end. 3 per 17 residents.
        Assert.Equal(3.0 / 17 * 1_000, Compute(HandBuiltCity())["domestic_abuse_incidents_per_1000"].Value!.Value, 9);
    }

    [StoreFact]
    public void Compute_HandBuiltCity_CareDeprivationRatio()
    {
        // Decile 1 (H1, H2): children P2, P3, P6, P18, P19, of whom P2 is looked after: 1/5.
        // Decile 10 (H3, H4): children P8, P9, P10, of whom P8 is looked after: 1/3. Ratio 0.6.
        Assert.Equal(0.2 / (1.0 / 3), Compute(HandBuiltCity())["care_deprivation_ratio"].Value!.Value, 12);
    }

    [StoreFact]
    public void Compute_NoLookedAfterChildInDecile10_RatioIsNull()
    {
        var city = new CanonicalHubBuilder(new DateOnly(2024, 3, 31))
            .Household(1, imdDecile: 1).Household(2, imdDecile: 10)
            .Person(1, "2015-01").Person(2, "2015-01")
            .Residence(1, 1, new(2015, 1, 1)).Residence(2, 2, new(2015, 1, 1))
            .Event("csc.looked_after", "LA1", 1, new(2023, 1, 1));

        var figure = Compute(city)["care_deprivation_ratio"];

        Assert.Null(figure.Value);
        Assert.False(figure.IsWithin);
    }

    [StoreTheory]
    // children_share: 0.195 ± 0.02 accepts [0.175, 0.215].
    [InlineData("children_share", 0.175, true)]
    [InlineData("children_share", 0.2151, false)]
    // looked_after_per_10k: 70 ± 25% accepts [52.5, 87.5].
    [InlineData("looked_after_per_10k", 52.5, true)]
    [InlineData("looked_after_per_10k", 87.6, false)]
    // domestic abuse: 24 ± 30% accepts [16.8, 31.2].
    [InlineData("domestic_abuse_incidents_per_1000", 16.7, false)]
    [InlineData("domestic_abuse_incidents_per_1000", 31.2, true)]
    // care_deprivation_ratio accepts [6, 16].
    [InlineData("care_deprivation_ratio", 5.99, false)]
    [InlineData("care_deprivation_ratio", 16, true)]
    public void Accepts_ValuesAroundTheRange_MatchesTheTolerance(string name, double value, bool accepted)
    {
        Assert.Equal(accepted, RealismTarget.All.Single(t => t.Name == name).Accepts(value));
    }

    [StoreFact]
    public void Compute_Store_CountsTablesAndDatasets()
    {
        using (var store = Hub.Open())
            HandBuiltCity().LoadInto(store);
        using var reopened = Hub.Open();

        var statistics = HubStatistics.Compute(reopened);

        Assert.Equal(new DateOnly(2024, 3, 31), statistics.ExtractDate);
        Assert.Equal(19, statistics.Counts.Tables.Single(t => t.Key == "person").Value);
        Assert.Equal(5, statistics.Counts.Datasets.Single(d => d.Key == "dwp.out_of_work_benefit").Value);
        Assert.Equal(17, statistics.Realism!.Residents);
    }

    [StoreFact]
    public void Compute_EmptyHub_HasCountsButNoFigures()
    {
        using var store = Hub.Open();

        var statistics = HubStatistics.Compute(store);

        Assert.Null(statistics.ExtractDate);
        Assert.Null(statistics.Realism);
        Assert.Equal(0, statistics.Counts.Tables.Single(t => t.Key == "event").Value);
    }
}

public sealed class SqliteRealismFiguresTests : RealismFiguresTests<SqliteHubFixture>;

public sealed class PostgresRealismFiguresTests : RealismFiguresTests<PostgresHubFixture>;
