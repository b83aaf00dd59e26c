using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using static EarlyHelp.Analytics.Synthetic.Identity.IdentityErrorRates;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>Council tax occupants, tenancy members and birth notifications.</summary>
internal sealed partial class CouncilRows
{
    private static readonly string[] BabyPlaceholder = ["Baby", "BABY"];

    /// <summary>One council tax occupancy per adult residence, one tenancy membership per residence in social housing.</summary>
    private void Occupancies()
    {
        var firstResident = new int[Lineage.Households.Count];
        Array.Fill(firstResident, -1);
        for (var r = 0; r < Lineage.Residences.Count; r++)
        {
            ref var first = ref firstResident[Lineage.Residences[r].Household];
            if (first < 0)
                first = Lineage.Residences[r].Person;
        }
        for (var r = 0; r < Lineage.Residences.Count; r++)
        {
            var residence = Lineage.Residences[r];
            if (!index.Overlaps(residence.Start, residence.End))
                continue;
            var person = Lineage.People[residence.Person];
            var household = Lineage.Households[residence.Household];
            var adult = DateOnly.FromDayNumber(HouseholdFounder.BirthDate(person)).AddYears(18).DayNumber;
            var start = Math.Max(residence.Start, adult);
            if (start < residence.End && index.Overlaps(start, residence.End))
                CouncilTaxOccupant(person, household, start, residence.End, Numbered(r));
            if (household.Tenure == Tenure.SocialRent)
                TenancyMember(person, household, residence, firstResident[household.Index] == person.Index, Numbered(r));
        }
    }

    private void CouncilTaxOccupant(SimPerson person, SimHousehold household, int start, int end, long number)
    {
        var layout = CouncilFiles.CouncilTaxOccupants;
        var (row, format) = FileOf(layout);
        var (id, key) = Row(layout, "CTO-", number);
        var keyed = keyer.Key(person, AgencySystems.Revenues, start, key, household.Index);
        var membership = index.MembershipOn(person.Index, start);
        var liable = membership < 0 || Lineage.Memberships[membership].Role == FamilyRole.Parent;
        var birthDateHeld = !new RegistrationDraws(seed, person.Id, AgencySystems.Revenues, 3).Chance(CouncilTaxBirthDateBlank);
        row.Field(id);
        row.Field(AgencySystems.Scrambled("CTA", seed, 100 + AgencySystems.Revenues, household.Id, 12));
        row.Person(keyed, format, birthDate: false);
        row.OptionalDate(birthDateHeld ? keyed.BirthDate : -1, format);
        row.Home(keyed);
        row.Field(keyed.Uprn);
        row.Date(start, format);
        End(row, end, format);
        row.Field(liable ? "Y" : "N");
        row.EndRow();
        Truth(layout, id, "occupant", person);
    }

    private void TenancyMember(SimPerson person, SimHousehold household, ResidenceRow residence, bool firstResident, long number)
    {
        var layout = CouncilFiles.HousingTenancyMembers;
        var (row, format) = FileOf(layout);
        var (id, key) = Row(layout, "HTM-", number);
        var keyed = keyer.Key(person, AgencySystems.Housing, residence.Start, key, household.Index);
        row.Field(id);
        row.Field(AgencySystems.Scrambled("HT", seed, 100 + AgencySystems.Housing, household.Id, 12));
        row.Person(keyed, format);
        row.Home(keyed);
        row.Field(keyed.Uprn);
        row.Field(RelationshipToLead(person, residence.Start, firstResident));
        row.Date(residence.Start, format);
        End(row, residence.End, format);
        row.EndRow();
        Truth(layout, id, "member", person);
    }

    /// <summary>Lead tenant: the first parent of the family (or, with no family, the first resident); the other parent is the partner.</summary>
    private string RelationshipToLead(SimPerson person, int day, bool firstResident)
    {
        var m = index.MembershipOn(person.Index, day);
        if (m < 0)
            return firstResident ? "lead" : "other";
        var membership = Lineage.Memberships[m];
        switch (membership.Role)
        {
            case FamilyRole.Child:
                return "child";
            case FamilyRole.Parent:
                foreach (var other in index.MembershipsOfFamily[membership.Family])
                {
                    var row = Lineage.Memberships[other];
                    if (row.Role == FamilyRole.Parent && row.Start <= day && row.End > day)
                        return row.Person == person.Index ? "lead" : "partner";
                }
                return "lead";
            default:
                return "other";
        }
    }

    /// <summary>One birth notification per baby born in the history to a mother of the city.</summary>
    private void Births()
    {
        var layout = CouncilFiles.HealthVisitorBirths;
        var (row, format) = FileOf(layout);
        foreach (var baby in Lineage.People)
        {
            var born = HouseholdFounder.BirthDate(baby);
            if (baby.Mother < 0 || !index.PersonKept[baby.Index] || born < index.HistoryStart || born > index.ExtractDay)
                continue;
            var mother = Lineage.People[baby.Mother];
            var (id, key) = Row(layout, "HVB-", Numbered(baby.Index));
            var motherKeyed = keyer.Key(mother, AgencySystems.Health, born, key);
            var babyKeyed = keyer.Key(baby, AgencySystems.Health, born, key);
            var naming = new RegistrationDraws(seed, baby.Id, AgencySystems.Health, 3);
            var unnamed = naming.Chance(BabyNameBlank);
            var placeholder = naming.Chance(BabyNamePlaceholder);
            row.Field(id);
            row.Field(motherKeyed.Reference);
            row.Optional(motherKeyed.NhsNumber);
            row.Optional(motherKeyed.Forename);
            row.Optional(motherKeyed.Surname);
            row.OptionalDate(motherKeyed.BirthDate, format);
            row.Field(babyKeyed.Reference);
            row.Optional(babyKeyed.NhsNumber);
            if (unnamed)
                row.Empty();
            else if (placeholder)
                row.Field(BabyPlaceholder[naming.NextInt(2)]);
            else
                row.Optional(babyKeyed.Forename);
            row.Optional(babyKeyed.Surname);
            row.Optional(babyKeyed.Sex);
            row.Date(born, format);
            row.Home(motherKeyed);
            row.EndRow();
            Truth(layout, id, "mother", mother);
            Truth(layout, id, "baby", baby);
        }
    }
}
