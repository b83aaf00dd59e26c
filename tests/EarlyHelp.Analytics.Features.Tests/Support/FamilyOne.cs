using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>A family written out by hand, with every feature worked out at <see cref="AsOf"/>.</summary>
internal static class FamilyOne
{
    /// <summary>The as-of date the working below is for.</summary>
    public static readonly DateOnly AsOf = InMemoryHub.Date("2024-03-15");

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
    public static InMemoryHub Hub()
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
}
