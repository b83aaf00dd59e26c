using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// The realism figures over an extract folder, by the definitions shared with the hub's
/// <c>hub stats</c>: reference date D = the extract date; a resident is a person alive at D with a
/// residence covering D; children are residents aged 0–17 at D; "in the 12 months before D" means
/// a start date after D minus 12 months and on or before D.
/// </summary>
public sealed record RealismFigures(
    double ChildrenShare, double ChildrenInNeedPer10k, double ChildProtectionPer10k, double LookedAfterPer10k,
    double PersistentAbsenceShare, double WorklessHouseholdShare, double DomesticAbuseIncidentsPer1000, double CareDeprivationRatio,
    int Residents, int Children)
{
    public static RealismFigures Compute(ExtractFolder folder)
    {
        var day = folder.ExtractDate;
        var yearBefore = day.AddMonths(-12);
        var home = new Dictionary<long, long>();
        foreach (var residence in folder.Residences)
        {
            if (residence.Covers(day) && folder.People[residence.Owner].Death is null)
                home[residence.Owner] = residence.Other;
        }
        var age = home.Keys.ToDictionary(p => p, p => folder.People[p].Birth.AgeOn(day));
        var children = home.Keys.Where(p => age[p] < 18).ToHashSet();

        HashSet<long> OpenOn(string code) => folder.Records(code).Where(r => r.OpenOn(day)).Select(r => r.Person).ToHashSet();
        var inNeed = OpenOn(DatasetCatalogue.ChildInNeedPlan);
        var protection = OpenOn(DatasetCatalogue.ChildProtectionPlan);
        var lookedAfter = OpenOn(DatasetCatalogue.LookedAfter);
        double Per10k(Func<long, bool> test) => 10_000.0 * children.Count(test) / children.Count;

        var pupils = children.Where(p => age[p] is >= 5 and <= 15).ToHashSet();
        var absent = folder.Records("school.persistent_absence").Where(r => r.Start > yearBefore && r.Start <= day).Select(r => r.Person).ToHashSet();

        var claiming = OpenOn("dwp.out_of_work_benefit");
        var workingAgeByHousehold = home.Where(h => age[h.Key] is >= 16 and <= 64).GroupBy(h => h.Value).ToList();
        var workless = workingAgeByHousehold.Count(g => g.All(h => claiming.Contains(h.Key)));

        var incidents = folder.Records("police.domestic_abuse_incident").Count(r => r.Start > yearBefore && r.Start <= day);

        double CareRate(int decile)
        {
            var inDecile = children.Where(p => folder.HouseholdDecile[home[p]] == decile).ToList();
            return (double)inDecile.Count(lookedAfter.Contains) / inDecile.Count;
        }

        return new RealismFigures(
            (double)children.Count / home.Count,
            Per10k(p => inNeed.Contains(p) || protection.Contains(p) || lookedAfter.Contains(p)),
            Per10k(protection.Contains),
            Per10k(lookedAfter.Contains),
            (double)pupils.Count(absent.Contains) / pupils.Count,
            (double)workless / workingAgeByHousehold.Count,
            1000.0 * incidents / home.Count,
            CareRate(1) / CareRate(10),
            home.Count,
            children.Count);
    }
}
