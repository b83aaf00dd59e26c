using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Building;

/// <summary>
/// Small families written out by hand, with every feature's expected value worked out on paper
/// from the rules in <c>AsOfDate</c> and the catalogue.
/// </summary>
public sealed class FeatureBuilderHandComputedTests
{
    private static readonly DateOnly AsOf = InMemoryHub.Date("2024-03-15");

    // Family 1 at T = 2024-03-15. Month offsets (offset k = [T − (k+1) months, T − k months)):
    //   0 = [2024-02-15, 2024-03-15)   1 = [2024-01-15, 2024-02-15)   2 = [2023-12-15, 2024-01-15)
    //   3 = [2023-11-15, 2023-12-15)   4 = [2023-10-15, 2023-11-15)   6 = [2023-08-15, 2023-09-15)
    //  10 = [2023-04-15, 2023-05-15)  12 = [2023-02-15, 2023-03-15)  18 = [2022-08-15, 2022-09-15)
    //  21 = [2022-05-15, 2022-06-15)  26 = [2021-12-15, 2022-01-15)  49 = [2020-01-15, 2020-02-15)
    //  62 = [2018-12-15, 2019-01-15)
    //
    // Members at T: parent P1 (born 1990-05), child C1 (born 2014-07: age 9), child C2 (born 2021-03:
    // age 3), grandmother G (born 1960-01, "other", joined 2023-09-01: age 64). Parent P2 left on
    // 2023-06-30, so P2 and P2's record are not counted.
    //   members 4, children 2, children_under_5 1 (C2), youngest 3, oldest 9, adults 2 (P1, G),
    //   lone_carer 1 (P1 is the only parent at T).
    // Moves: P1, C1 and C2 move to household 2 on 2022-12-01 (one date); G moves on 2023-09-01.
    //   Both are in [2022-03-15, 2024-03-15) → household_moves_24m 2. C2's and G's first residences are not moves.
    //
    // Records (offset in brackets):
    //   P1 domestic abuse incidents 2024-03-01 [0], 2024-01-20 [1], 2023-12-10 [3]; one on 2024-03-15 = T is not known.
    //   P1 MARAC 2024-02-14 [1].
    //   P1 out-of-work claim from 2022-06-01, no end [21]: open.
    //   P1 rent arrears 2020-05-01: retention 36 months → cut-off 2021-03-15 → never contributes.
    //   P1 adult mental health 2019-01-10 to 2020-06-01 [62]: retention 96 months, contributes; ended.
    //   C1 persistent absence 2023-09-05 to 2023-12-20 [6], ended; 2024-01-08 to 2024-03-28 [2], open (end not known at T).
    //   C1 suspension 2022-01-10 to 2022-01-12 [26].
    //   C1 CIN plan 2019-04-01 to 2020-02-01: ended; end offset 49. CP plan from 2024-06-01: after T.
    //   C2 health visitor concern 2023-10-20 [4]; early help 2022-09-01 [18] to 2023-02-28 (ended; end offset 12).
    //   G  ASB incident 2023-05-02 [10] — before she joined, counted because she is a member at T.
    //
    // Per problem (offsets): crime {10}; education {2, 6, 26}; children {4, 18}; money {21};
    // domestic {0, 1, 1, 3}; health {62}.
    //   windows 3/6/12/24 = offsets below 3/6/12/24; months_since_latest = smallest offset;
    //   new/persistent: a record in [0,12) and none / some in [12,36);
    //   slope: month position x = 11 − offset, x̄ = 5.5, Σ(x − x̄)² = 143;
    //   acceleration: offsets [0,6) minus [6,12).
    //   crime:     0, 0, 1, 1; latest 10; new; slope (1 − 5.5)/143 = −4.5/143; accel 0 − 1 = −1.
    //   education: 1, 1, 2, 2; latest 2; persistent (26); slope ((9 − 5.5) + (5 − 5.5))/143 = 3/143; accel 1 − 1 = 0; open 1.
    //   children:  0, 1, 1, 2; latest 4; persistent (18); slope (7 − 5.5)/143 = 1.5/143; accel +1.
    //   money:     0, 0, 0, 1; latest 21; neither new nor persistent (nothing recent); open 1.
    //   domestic:  3, 4, 4, 4; latest 0; new; slope (5.5 + 2×4.5 + 2.5)/143 = 17/143; accel +4.
    //   health:    0, 0, 0, 0; latest 62.
    //   all:       4, 6, 8, 10; latest 0; slope (−4.5 + 3 + 1.5 + 17)/143 = 17/143; accel 6 − 2 = +4.
    //   distinct problems with latest < 12: crime, education, children, domestic → 4; < 24: + money → 5.
    //   agencies with records at offsets < 12: Police, Domestic abuse partnership, Schools, NHS → 4.
    //   members with records at offsets < 12: P1 (0), C1 (2), C2 (4), G (10) → 4.
    // History: early help ended 1, none open, ended 12 months ago; CIN plans ended 1, last statutory end 49 months ago.
    private static InMemoryHub FamilyOne()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2025-06-30"));
        var p1 = hub.Person(11, "1990-05");
        var p2 = hub.Person(12, "1988-02");
        var c1 = hub.Person(13, "2014-07");
        var c2 = hub.Person(14, "2021-03");
        var g = hub.Person(15, "1960-01");
        hub.Member(1, p1, FamilyRole.Parent, "2012-01-01")
            .Member(1, p2, FamilyRole.Parent, "2012-01-01", "2023-06-30")
            .Member(1, c1, FamilyRole.Child, "2014-07-01")
            .Member(1, c2, FamilyRole.Child, "2021-03-10")
            .Member(1, g, FamilyRole.Other, "2023-09-01");
        hub.Lives(p1, 1, "2012-01-01", "2022-11-30").Lives(p1, 2, "2022-12-01")
            .Lives(c1, 1, "2014-07-01", "2022-11-30").Lives(c1, 2, "2022-12-01")
            .Lives(c2, 1, "2021-03-10", "2022-11-30").Lives(c2, 2, "2022-12-01")
            .Lives(g, 9, "1990-01-01", "2023-08-31").Lives(g, 2, "2023-09-01")
            .Lives(p2, 1, "2012-01-01");
        hub.Record(p1, "police.domestic_abuse_incident", "2024-03-01")
            .Record(p1, "police.domestic_abuse_incident", "2024-01-20")
            .Record(p1, "police.domestic_abuse_incident", "2023-12-10")
            .Record(p1, "police.domestic_abuse_incident", "2024-03-15")
            .Record(p1, "marac.case", "2024-02-14")
            .Record(p1, "dwp.out_of_work_benefit", "2022-06-01")
            .Record(p1, "housing.rent_arrears", "2020-05-01", value: 1250)
            .Record(p1, "health.adult_mental_health", "2019-01-10", "2020-06-01")
            .Record(c1, "school.persistent_absence", "2023-09-05", "2023-12-20", 14.5)
            .Record(c1, "school.persistent_absence", "2024-01-08", "2024-03-28", 21)
            .Record(c1, "school.suspension", "2022-01-10", "2022-01-12", 2)
            .Record(c1, "csc.cin_plan", "2019-04-01", "2020-02-01")
            .Record(c1, "csc.cp_plan", "2024-06-01")
            .Record(c2, "health.health_visitor_concern", "2023-10-20")
            .Record(c2, "earlyhelp.assessment", "2022-09-01", "2023-02-28")
            .Record(g, "police.asb_incident", "2023-05-02")
            .Record(p2, "police.domestic_abuse_incident", "2023-05-01");
        return hub;
    }

    [Fact]
    public void Values_FamilyOne_MatchesHandCalculation()
    {
        var history = FamilyOne().Family(1);

        var values = FeatureBuilder.Values(history, AsOf);

        var expected = NoRecords.MissingRecency();
        foreach (var (name, value) in new Dictionary<string, double>
        {
            ["members"] = 4, ["children"] = 2, ["children_under_5"] = 1, ["youngest_child_age"] = 3, ["oldest_child_age"] = 9,
            ["adults"] = 2, ["lone_carer"] = 1, ["household_moves_24m"] = 2,

            ["crime_asb_12m"] = 1, ["crime_asb_24m"] = 1, ["crime_asb_months_since_latest"] = 10, ["crime_asb_new"] = 1,
            ["crime_asb_slope_12m"] = -4.5 / 143, ["crime_asb_acceleration_6m"] = -1,

            ["education_3m"] = 1, ["education_6m"] = 1, ["education_12m"] = 2, ["education_24m"] = 2,
            ["education_months_since_latest"] = 2, ["education_persistent"] = 1, ["education_slope_12m"] = 3.0 / 143, ["education_open"] = 1,

            ["children_need_help_6m"] = 1, ["children_need_help_12m"] = 1, ["children_need_help_24m"] = 2,
            ["children_need_help_months_since_latest"] = 4, ["children_need_help_persistent"] = 1,
            ["children_need_help_slope_12m"] = 1.5 / 143, ["children_need_help_acceleration_6m"] = 1,

            ["worklessness_finance_24m"] = 1, ["worklessness_finance_months_since_latest"] = 21, ["worklessness_finance_open"] = 1,

            ["domestic_abuse_3m"] = 3, ["domestic_abuse_6m"] = 4, ["domestic_abuse_12m"] = 4, ["domestic_abuse_24m"] = 4,
            ["domestic_abuse_months_since_latest"] = 0, ["domestic_abuse_new"] = 1, ["domestic_abuse_slope_12m"] = 17.0 / 143,
            ["domestic_abuse_acceleration_6m"] = 4,

            ["health_months_since_latest"] = 62,

            ["all_problems_3m"] = 4, ["all_problems_6m"] = 6, ["all_problems_12m"] = 8, ["all_problems_24m"] = 10,
            ["all_problems_months_since_latest"] = 0, ["all_problems_slope_12m"] = 17.0 / 143, ["all_problems_acceleration_6m"] = 4,
            ["distinct_problems_12m"] = 4, ["distinct_problems_24m"] = 5, ["distinct_agencies_12m"] = 4, ["members_with_records_12m"] = 4,

            ["police_domestic_abuse_incident_3m"] = 2, ["police_domestic_abuse_incident_6m"] = 3,
            ["police_domestic_abuse_incident_12m"] = 3, ["police_domestic_abuse_incident_24m"] = 3,
            ["police_domestic_abuse_incident_months_since_latest"] = 0,
            ["marac_case_3m"] = 1, ["marac_case_6m"] = 1, ["marac_case_12m"] = 1, ["marac_case_24m"] = 1, ["marac_case_months_since_latest"] = 1,
            ["school_persistent_absence_3m"] = 1, ["school_persistent_absence_6m"] = 1, ["school_persistent_absence_12m"] = 2,
            ["school_persistent_absence_24m"] = 2, ["school_persistent_absence_months_since_latest"] = 2, ["school_persistent_absence_open"] = 1,
            ["school_suspension_months_since_latest"] = 26,
            ["dwp_out_of_work_benefit_24m"] = 1, ["dwp_out_of_work_benefit_months_since_latest"] = 21, ["dwp_out_of_work_benefit_open"] = 1,
            ["health_adult_mental_health_months_since_latest"] = 62,
            ["police_asb_incident_12m"] = 1, ["health_health_visitor_concern_12m"] = 1,

            ["early_help_ended"] = 1, ["early_help_months_since_ended"] = 12,
            ["csc_cin_plan_ended"] = 1, ["statutory_months_since_ended"] = 49,
        })
        {
            expected[name] = value;
        }
        FeatureAssert.AllFeatures(expected, values);
    }

    [Fact]
    public void EligibilityAndLabel_FamilyOne_EligibleAndEscalatedByTheCpPlanAfterT()
    {
        var hub = FamilyOne();
        var history = hub.Family(1);

        // C1's CIN plan ended in 2020 (not current); the CP plan of 2024-06-01 is not known at T, so the
        // family is eligible, and it falls in (2024-03-15, 2025-03-15], which ends before the extract date.
        Assert.Null(FeatureBuilder.Eligibility(history, AsOf));
        Assert.Equal(new EscalationLabel(true, true), EscalationLabel.Of(history, AsOf, 12, hub.ExtractDate));
    }

    // Family 2 at T = 2024-03-15: one parent (born 1995-01, "parent") and twins (born 2023-12, age 0),
    // all members from 2023-12-05, one address each since then (no moves), no records at all.
    //   members 3, children 2, children_under_5 2, youngest 0, oldest 0, adults 1, lone_carer 1;
    //   every count 0, every "months since" missing.
    [Fact]
    public void Values_FamilyWithoutRecords_CountsZeroAndRecencyMissing()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        var parent = hub.Person(21, "1995-01");
        var twinOne = hub.Person(22, "2023-12");
        var twinTwo = hub.Person(23, "2023-12");
        foreach (var (person, role) in new[] { (parent, FamilyRole.Parent), (twinOne, FamilyRole.Child), (twinTwo, FamilyRole.Child) })
            hub.Member(2, person, role, "2023-12-05").Lives(person, 20, "2023-12-05");

        var values = FeatureBuilder.Values(hub.Family(2), AsOf);

        var expected = NoRecords.MissingRecency();
        expected["members"] = 3;
        expected["children"] = 2;
        expected["children_under_5"] = 2;
        expected["youngest_child_age"] = 0;
        expected["oldest_child_age"] = 0;
        expected["adults"] = 1;
        expected["lone_carer"] = 1;
        FeatureAssert.AllFeatures(expected, values);
    }

    // Family 3 at T = 2024-03-15: two parents and one child aged 5 (born 2018-06), all members since
    // 2018-06-01. Domestic abuse incidents at offsets 3, 2, 1, 1, 3×0 (dates below), so the last 12
    // monthly counts, oldest first, are 0 0 0 0 0 0 0 0 1 1 2 3.
    //   Least squares by hand: x = 0..11, x̄ = 5.5, Σ(x − x̄)² = 143;
    //   Σ(x − x̄)·y = 2.5·1 + 3.5·1 + 4.5·2 + 5.5·3 = 31.5 → slope 31.5/143 = 0.2202797.
    //   domestic_abuse 3m = 6 (offsets 0–2), 6m = 12m = 24m = 7, latest 0, new, acceleration 7 − 0.
    //   The same for all problems and for the incident dataset; one problem, one agency, one member.
    //   members 3, children 1, youngest = oldest = 5, adults 2, lone_carer 0.
    [Fact]
    public void Values_RisingDomesticAbuse_SlopeMatchesLeastSquaresByHand()
    {
        var hub = new InMemoryHub(InMemoryHub.Date("2024-12-31"));
        var mother = hub.Person(31, "1992-09");
        var father = hub.Person(32, "1990-04");
        var child = hub.Person(33, "2018-06");
        hub.Member(3, mother, FamilyRole.Parent, "2018-06-01").Member(3, father, FamilyRole.Parent, "2018-06-01")
            .Member(3, child, FamilyRole.Child, "2018-06-01");
        // offset 3: [2023-11-15, 2023-12-15); 2: [2023-12-15, 2024-01-15); 1: [2024-01-15, 2024-02-15); 0: [2024-02-15, 2024-03-15).
        foreach (var date in new[] { "2023-11-15", "2023-12-15", "2024-01-15", "2024-02-14", "2024-02-15", "2024-03-01", "2024-03-14" })
            hub.Record(mother, "police.domestic_abuse_incident", date);

        var values = FeatureBuilder.Values(hub.Family(3), AsOf);

        var expected = NoRecords.MissingRecency();
        foreach (var stem in new[] { "domestic_abuse", "all_problems", "police_domestic_abuse_incident" })
        {
            expected[$"{stem}_3m"] = 6;
            expected[$"{stem}_6m"] = 7;
            expected[$"{stem}_12m"] = 7;
            expected[$"{stem}_24m"] = 7;
            expected[$"{stem}_months_since_latest"] = 0;
        }
        expected["domestic_abuse_new"] = 1;
        expected["domestic_abuse_slope_12m"] = 0.2202797;
        expected["all_problems_slope_12m"] = 0.2202797;
        expected["domestic_abuse_acceleration_6m"] = 7;
        expected["all_problems_acceleration_6m"] = 7;
        expected["distinct_problems_12m"] = 1;
        expected["distinct_problems_24m"] = 1;
        expected["distinct_agencies_12m"] = 1;
        expected["members_with_records_12m"] = 1;
        expected["members"] = 3;
        expected["children"] = 1;
        expected["youngest_child_age"] = 5;
        expected["oldest_child_age"] = 5;
        expected["adults"] = 2;
        FeatureAssert.AllFeatures(expected, values);
    }
}
