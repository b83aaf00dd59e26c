using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using static EarlyHelp.Analytics.Synthetic.Population.DemographyParameters;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>Separations, new partners and young adults leaving home.</summary>
internal sealed partial class Demography
{
    private void Separation(Lineage lineage, SimHousehold household, int month)
    {
        if (household.Family is not { } family || family.CountInRole(FamilyRole.Parent) != 2)
            return;
        var truth = lineage.Truth;
        var substance = false;
        foreach (var resident in household.Residents)
            substance |= resident.Substance > 0;
        var risk = Math.Exp((household.DomesticAbuse > 0 ? 1.2 : 0) + (household.Money > 0 ? 0.4 : 0) + (substance ? 0.4 : 0));
        if (!truth.Chance(SeparationHazard * risk))
            return;

        var parents = family.InRole(FamilyRole.Parent).ToArray();
        var hasChildren = family.CountInRole(FamilyRole.Child) > 0;
        SimPerson leaver;
        if (hasChildren && parents[0].Male != parents[1].Male)
        {
            var father = parents[0].Male ? parents[0] : parents[1];
            var mother = parents[0].Male ? parents[1] : parents[0];
            leaver = truth.Chance(LoneParentMotherShare) ? father : mother;
        }
        else
            leaver = parents[truth.NextInt(2)];

        var day = DayIn(truth, month);
        household.SeparatedMonth = month;
        household.Stress += SeparationShock;
        if (!hasChildren)
        {
            // A couple without children is no longer a family once they part.
            foreach (var member in family.Members.ToArray())
                lineage.Leave(member, day);
        }
        else
            lineage.Leave(leaver, day);

        if (!truth.Chance(SeparatedStayShare))
        {
            lineage.Depart(leaver, day, died: false);
            return;
        }
        lineage.MoveOut(leaver, day);
        var home = NewHome(lineage, household);
        home.Stress = SeparationShock;
        home.SeparatedMonth = month;
        lineage.MoveIn(leaver, home, day);
    }

    private void Partnering(Lineage lineage, SimHousehold household, int month)
    {
        var truth = lineage.Truth;
        if (household.Family is { } family)
        {
            if (family.CountInRole(FamilyRole.Parent) != 1 || family.CountInRole(FamilyRole.Child) == 0 || !truth.Chance(LoneParentRepartnerHazard))
                return;
            var parent = family.InRole(FamilyRole.Parent).First();
            var partner = NewPartner(lineage, household, parent, month);
            var day = DayIn(truth, month);
            lineage.MoveIn(partner, household, day);
            lineage.Join(partner, family, FamilyRole.Parent, day);
            Naming.Partnership(lineage, parent, partner, day);
            return;
        }

        for (var r = 0; r < household.Residents.Count; r++)
        {
            var single = household.Residents[r];
            if (single.AgeIn(month) is < 20 or > 59 || !truth.Chance(SingleRepartnerHazard))
                continue;
            var partner = NewPartner(lineage, household, single, month);
            var day = DayIn(truth, month);
            var home = household;
            if (household.Residents.Count > 1)
            {
                // Someone in a shared house sets up home with their partner elsewhere.
                lineage.MoveOut(single, day);
                home = NewHome(lineage, household);
                lineage.MoveIn(single, home, day);
            }
            lineage.MoveIn(partner, home, day);
            var couple = lineage.NewFamily(home);
            lineage.Join(single, couple, FamilyRole.Parent, day);
            lineage.Join(partner, couple, FamilyRole.Parent, day);
            Naming.Partnership(lineage, single, partner, day);
            return;
        }
    }

    private static SimPerson NewPartner(Lineage lineage, SimHousehold household, SimPerson of, int month)
    {
        var truth = lineage.Truth;
        var male = truth.Chance(0.96) ? !of.Male : of.Male;
        var age = Math.Max(18, of.AgeIn(month) + (int)Math.Round(truth.NextGaussian(male ? 1.5 : -1.5, 4)));
        var ethnicity = HouseholdFounder.PartnerEthnicity(of.Ethnicity, household.Area, truth);
        return PersonFactory.Create(lineage, month, month - age * 12 - truth.NextInt(12), male, ethnicity, household.Area.Deprivation);
    }

    private void LeavingHome(Lineage lineage, SimHousehold household, int month)
    {
        if (household.Family is not { } family)
            return;
        var truth = lineage.Truth;
        for (var m = family.Members.Count - 1; m >= 0; m--)
        {
            var member = family.Members[m];
            if (member.Role != FamilyRole.Other || member.AgeIn(month) > 34 || !truth.Chance(LeaveHomeHazard))
                continue;
            var day = DayIn(truth, month);
            if (truth.Chance(LeaveCityShare))
            {
                lineage.Depart(member, day, died: false);
                continue;
            }
            lineage.Leave(member, day);
            lineage.MoveOut(member, day);
            lineage.MoveIn(member, NewHome(lineage, household), day);
        }
    }
}
