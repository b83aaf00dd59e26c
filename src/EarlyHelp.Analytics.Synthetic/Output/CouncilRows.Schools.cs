using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Population;
using static EarlyHelp.Analytics.Synthetic.Identity.IdentityErrorRates;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>The school census and the parent/carer relationships held by schools and by social care.</summary>
internal sealed partial class CouncilRows
{
    /// <summary>Day numbers of the spring school census (the third Thursday of January) in the history.</summary>
    private List<int> CensusDays()
    {
        var days = new List<int>();
        for (var year = DateOnly.FromDayNumber(index.HistoryStart).Year; year <= DateOnly.FromDayNumber(index.ExtractDay).Year; year++)
        {
            var first = new DateOnly(year, 1, 1);
            var thursday = first.AddDays(((int)DayOfWeek.Thursday - (int)first.DayOfWeek + 7) % 7 + 14).DayNumber;
            if (thursday >= index.HistoryStart && thursday <= index.ExtractDay)
                days.Add(thursday);
        }
        return days;
    }

    /// <summary>The first day of Reception (1 September of the school year in which the child turns five).</summary>
    private static int SchoolEntry(SimPerson child)
    {
        var birth = DateOnly.FromDayNumber(HouseholdFounder.BirthDate(child));
        return new DateOnly(birth.Year + (birth.Month >= 9 ? 5 : 4), 9, 1).DayNumber;
    }

    private void SchoolCensus()
    {
        var layout = CouncilFiles.SchoolCensus;
        var (row, format) = FileOf(layout);
        var census = CensusDays();
        foreach (var pupil in Lineage.People)
        {
            if (!index.PersonKept[pupil.Index])
                continue;
            var entry = SchoolEntry(pupil);
            var leaving = DateOnly.FromDayNumber(entry).AddYears(12).DayNumber;
            foreach (var day in census)
            {
                if (day < entry || day >= leaving || index.HomeOn(pupil.Index, day) < 0)
                    continue;
                var (id, key) = Row(layout, "SCN-", Numbered(pupil.Index) * 128 + DateOnly.FromDayNumber(day).Year % 128);
                var keyed = keyer.Key(pupil, AgencySystems.Schools, day, key);
                var recorded = new RegistrationDraws(seed, pupil.Id, AgencySystems.Schools, 3);
                var ethnicity = RecordedEthnicity(ref recorded, pupil, SchoolEthnicityBlank, SchoolEthnicityOther, SchoolMixedAsParentGroup);
                var sen = pupil.Disabled ? (recorded.Chance(DisabledWithPlan) ? "E" : "K") : recorded.Chance(SenSupportWithoutDisability) ? "K" : "N";
                row.Field(id);
                row.Person(keyed, format);
                row.Home(keyed);
                row.Date(day, format);
                row.Optional(keyed.Sex);
                row.Optional(ethnicity);
                row.Field(sen);
                row.EndRow();
                Truth(layout, id, "pupil", pupil);
            }
        }
    }

    /// <summary>School contacts of every school-age child, and social care carers of every child known to social care.</summary>
    private void Relationships()
    {
        foreach (var child in Lineage.People)
        {
            if (!index.PersonKept[child.Index])
                continue;
            var entry = SchoolEntry(child);
            var leaving = DateOnly.FromDayNumber(entry).AddYears(12).DayNumber;
            var knownToCare = firstCareRecord[child.Index] >= 0;
            foreach (var m in index.MembershipsOf[child.Index])
            {
                var childMembership = Lineage.Memberships[m];
                if (childMembership.Role != FamilyRole.Child)
                    continue;
                foreach (var p in index.MembershipsOfFamily[childMembership.Family])
                {
                    var parentMembership = Lineage.Memberships[p];
                    if (parentMembership.Role != FamilyRole.Parent || parentMembership.Person == child.Index)
                        continue;
                    var start = Math.Max(childMembership.Start, parentMembership.Start);
                    var end = Math.Min(childMembership.End, parentMembership.End);
                    if (start >= end)
                        continue;
                    var parent = Lineage.People[parentMembership.Person];
                    var relationship = Relationship(child, childMembership, parent, parentMembership);
                    var schoolStart = Math.Max(start, entry);
                    var schoolEnd = Math.Min(end, leaving);
                    var pair = Paired(m, p);
                    if (schoolStart < schoolEnd && index.Overlaps(schoolStart, schoolEnd))
                        SchoolContact(child, parent, relationship, schoolStart, schoolEnd, pair);
                    if (knownToCare && index.Overlaps(start, end))
                        Carer(child, parent, relationship, start, end, pair);
                }
            }
            if (knownToCare)
                Characteristics(child);
        }
    }

    /// <summary>
    /// How a system names a parent's relationship to a child: the birth mother; a parent there since the
    /// child joined the family (mother or father by sex); a much older carer who came later (grandparent);
    /// otherwise a carer (a parent's new partner).
    /// </summary>
    private static string Relationship(SimPerson child, MembershipRow childMembership, SimPerson parent, MembershipRow parentMembership)
    {
        if (child.Mother == parent.Index)
            return "mother";
        if (parentMembership.Start <= childMembership.Start + 31)
            return parent.Male ? "father" : "mother";
        return child.BirthMonth - parent.BirthMonth >= 36 * 12 ? "grandparent" : "carer";
    }

    private void SchoolContact(SimPerson pupil, SimPerson contact, string relationship, int start, int end, long pair) =>
        ChildAndAdult(CouncilFiles.SchoolPupilContacts, "SPC-", AgencySystems.Schools, AgencySystems.SchoolContacts, pupil, contact, relationship, start, end, pair);

    private void Carer(SimPerson child, SimPerson carer, string relationship, int start, int end, long pair) =>
        ChildAndAdult(CouncilFiles.SocialCareChildCarers, "CCR-", AgencySystems.SocialCare, AgencySystems.SocialCare, child, carer, relationship, start, end, pair);

    /// <summary>
    /// A row linking a child to a parent or carer: the child's identity, the adult's (with a date of birth
    /// where the file has one) and home, the relationship (schools add a priority), the period.
    /// </summary>
    private void ChildAndAdult(CouncilFileLayout layout, string prefix, int childSystem, int adultSystem,
        SimPerson child, SimPerson adult, string relationship, int start, int end, long pair)
    {
        var (row, format) = FileOf(layout);
        var (id, key) = Row(layout, prefix, pair);
        var childKeyed = keyer.Key(child, childSystem, start, key);
        var adultKeyed = keyer.Key(adult, adultSystem, start, key);
        var (childRole, adultRole) = (layout.People[0].Role, layout.People[1].Role);
        row.Field(id);
        row.Person(childKeyed, format);
        row.Person(adultKeyed, format, birthDate: layout.People[1].BirthDate is not null);
        row.Home(adultKeyed);
        row.Field(relationship);
        if (layout == CouncilFiles.SchoolPupilContacts)
            row.Field(relationship == "mother" ? 1 : 2);
        row.Date(start, format);
        End(row, end, format);
        row.EndRow();
        Truth(layout, id, childRole, child);
        Truth(layout, id, adultRole, adult);
    }

    private void Characteristics(SimPerson child)
    {
        var layout = CouncilFiles.SocialCareCharacteristics;
        var (row, format) = FileOf(layout);
        var (id, key) = Row(layout, "CCH-", Numbered(child.Index));
        var day = firstCareRecord[child.Index];
        var keyed = keyer.Key(child, AgencySystems.SocialCare, day, key);
        var recorded = new RegistrationDraws(seed, child.Id, AgencySystems.SocialCare, 3);
        var ethnicity = RecordedEthnicity(ref recorded, child, CareEthnicityBlank, CareEthnicityOther, CareMixedAsParentGroup);
        var disabled = recorded.Chance(child.Disabled ? CareDisabilitySensitivity : CareDisabilityFalsePositive);
        var disabilityBlank = recorded.Chance(CareDisabilityBlank);
        row.Field(id);
        row.Person(keyed, format);
        row.Date(day, format);
        row.Optional(keyed.Sex);
        row.Optional(ethnicity);
        row.Optional(disabilityBlank ? null : disabled ? "Y" : "N");
        row.EndRow();
        Truth(layout, id, "child", child);
    }
}
