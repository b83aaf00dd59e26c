using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Tests.Support;

namespace EarlyHelp.Analytics.Features.Tests.Building;

/// <summary>
/// Small families written out by hand, with every feature's expected value worked out on paper
/// from the rules in <c>AsOfDate</c> and the catalogue (family 1's working is in <see cref="FamilyOne"/>).
/// </summary>
public sealed class FeatureBuilderHandComputedTests
{
    private static readonly DateOnly AsOf = FamilyOne.AsOf;

    [Fact]
    public void Values_FamilyOne_MatchesHandCalculation()
    {
        var history = FamilyOne.Hub().Family(1);

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
        var hub = FamilyOne.Hub();
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

        var expected = NoRecords.Family(members: 3, children: 2, childrenUnderFive: 2, youngest: 0, oldest: 0, adults: 1, loneCarer: true);
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

        var expected = NoRecords.Family(members: 3, children: 1, childrenUnderFive: 0, youngest: 5, oldest: 5, adults: 2, loneCarer: false);
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
        FeatureAssert.AllFeatures(expected, values);
    }
}
