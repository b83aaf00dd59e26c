using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Recording;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// Writes one simulated lineage as CSV rows of every output file, keeping only what falls in the
/// history window: periods that overlap it, records that start in it or are still open at its start,
/// and nothing dated after the extract date (an end after it is written as open).
/// </summary>
internal sealed class LineageFormatter
{
    /// <summary>Records one lineage may hold per dataset, so that record ids stay unique.</summary>
    private const int RecordsPerLineage = 100_000;

    private static readonly byte[][] SexCodes = [Encoding.ASCII.GetBytes("F"), Encoding.ASCII.GetBytes("M")];
    private static readonly byte[][] DisabilityCodes = [Encoding.ASCII.GetBytes("N"), Encoding.ASCII.GetBytes("Y")];
    private static readonly byte[][] EthnicityCodes = ProtectedCodes.Ethnicities.Select(Encoding.ASCII.GetBytes).ToArray();
    private static readonly byte[][] TenureCodes = ProtectedCodes.Tenures.Select(Encoding.ASCII.GetBytes).ToArray();
    private static readonly byte[][] RoleCodes = Enum.GetValues<FamilyRole>().Select(r => Encoding.ASCII.GetBytes(r.Code())).ToArray();
    private static readonly byte[][] DatasetCodes = DatasetCatalogue.All.Select(d => Encoding.ASCII.GetBytes(d.Code)).ToArray();
    private static readonly string[] RecordPrefixes = DatasetCatalogue.All.Select(d => RecordPrefix(d.Layout.FileName)).ToArray();
    private static readonly CompiledDateFormat Iso = CompiledDateFormat.Compile("yyyy-MM-dd");
    private static readonly CompiledDateFormat[] DatasetFormats = DatasetCatalogue.All.Select(d => CompiledDateFormat.Compile(d.Layout.DateFormat)).ToArray();

    private readonly long seed;
    private readonly int historyStart;
    private readonly int extractDay;

    /// <summary>A formatter for a run with <paramref name="seed"/> whose history runs from <paramref name="historyStart"/> to <paramref name="extractDay"/> (day numbers).</summary>
    public LineageFormatter(long seed, int historyStart, int extractDay)
    {
        this.seed = seed;
        this.historyStart = historyStart;
        this.extractDay = extractDay;
    }

    /// <summary>Appends <paramref name="lineage"/>'s rows to <paramref name="buffers"/> (one per <see cref="OutputFiles.All"/> entry).</summary>
    public void Format(Lineage lineage, CsvBuffer[] buffers)
    {
        var personKept = new bool[lineage.People.Count];
        var householdKept = new bool[lineage.Households.Count];
        var homes = new List<int>?[lineage.People.Count];
        foreach (var residence in lineage.Residences)
        {
            (homes[residence.Person] ??= []).Add(residence.Household);
            if (!Overlaps(residence.Start, residence.End))
                continue;
            personKept[residence.Person] = true;
            householdKept[residence.Household] = true;
        }

        WriteHouseholds(lineage, householdKept, buffers[0]);
        WritePeople(lineage, personKept, homes, buffers);
        foreach (var residence in lineage.Residences)
        {
            if (!Overlaps(residence.Start, residence.End))
                continue;
            var row = buffers[4];
            row.Field(lineage.People[residence.Person].Id);
            row.Field(lineage.Households[residence.Household].Id);
            WritePeriod(row, residence.Start, residence.End);
        }
        WriteFamilies(lineage, personKept, buffers);
        WriteEvents(lineage, personKept, homes, buffers);
        WriteNeeds(lineage, buffers[OutputFiles.FamilyNeed]);
    }

    private bool Overlaps(int start, int end) => start <= extractDay && end >= historyStart;

    private void WritePeriod(CsvBuffer row, int start, int end)
    {
        row.Date(start, Iso);
        if (end == Days.Open || end > extractDay)
            row.Empty();
        else
            row.Date(end, Iso);
        row.EndRow();
    }

    private static void WriteHouseholds(Lineage lineage, bool[] kept, CsvBuffer row)
    {
        foreach (var household in lineage.Households)
        {
            if (!kept[household.Index])
                continue;
            row.Field(household.Id);
            row.Field(Places.Postcodes.Uprn(household.Id));
            row.Field(household.Area.Code);
            row.Field(household.Area.ImdDecile);
            row.Field(TenureCodes[(int)household.Tenure]);
            row.EndRow();
        }
    }

    private void WritePeople(Lineage lineage, bool[] kept, List<int>?[] homes, CsvBuffer[] buffers)
    {
        foreach (var person in lineage.People)
        {
            if (!kept[person.Index])
                continue;
            var people = buffers[1];
            people.Field(person.Id);
            people.Field(YearMonth.FromOrdinal(person.BirthMonth).ToString());
            if (person.DeathMonth >= 0 && Days.FirstOf(person.DeathMonth) <= extractDay)
                people.Field(YearMonth.FromOrdinal(person.DeathMonth).ToString());
            else
                people.Empty();
            people.EndRow();

            var protectedRow = buffers[2];
            protectedRow.Field(person.Id);
            protectedRow.Field(SexCodes[person.Male ? 1 : 0]);
            protectedRow.Field(EthnicityCodes[(int)person.Ethnicity]);
            protectedRow.Field(DisabilityCodes[person.Disabled ? 1 : 0]);
            protectedRow.EndRow();

            var identity = buffers[3];
            identity.Field(person.Id);
            identity.Field(NamePools.Forename(person.Male, person.Forename));
            identity.Field(NamePools.Surnames[person.Surname]);
            identity.Date(HouseholdFounder.BirthDate(person), Iso);
            identity.Field(lineage.Households[homes[person.Index]![^1]].Postcode);
            identity.EndRow();
        }
    }

    private void WriteFamilies(Lineage lineage, bool[] personKept, CsvBuffer[] buffers)
    {
        var familyKept = new bool[lineage.Families.Count];
        foreach (var membership in lineage.Memberships)
            familyKept[membership.Family] |= personKept[membership.Person] && Overlaps(membership.Start, membership.End);
        foreach (var family in lineage.Families)
        {
            if (!familyKept[family.Index])
                continue;
            buffers[5].Field(family.Id);
            buffers[5].EndRow();
        }
        foreach (var membership in lineage.Memberships)
        {
            if (!personKept[membership.Person] || !Overlaps(membership.Start, membership.End))
                continue;
            var row = buffers[6];
            row.Field(lineage.Families[membership.Family].Id);
            row.Field(lineage.People[membership.Person].Id);
            row.Field(RoleCodes[(int)membership.Role]);
            WritePeriod(row, membership.Start, membership.End);
        }
    }

    private void WriteEvents(Lineage lineage, bool[] personKept, List<int>?[] homes, CsvBuffer[] buffers)
    {
        foreach (var record in lineage.Events)
        {
            if (!personKept[record.Person] || record.Start > extractDay || (record.End == Days.None ? record.Start : record.End) < historyStart)
                continue;
            if (record.Sequence >= RecordsPerLineage)
                throw new InvalidOperationException($"Lineage {lineage.Number} made more than {RecordsPerLineage} records of one dataset.");
            var dataset = DatasetCatalogue.All[record.Dataset];
            var format = DatasetFormats[record.Dataset];
            var person = lineage.People[record.Person];
            var recordNumber = (long)lineage.Number * RecordsPerLineage + record.Sequence;
            var row = buffers[OutputFiles.FirstDataset + record.Dataset];
            var recordId = RecordPrefixes[record.Dataset] + recordNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Field(recordId);
            row.Field(person.Id);

            var typos = new IdentityTypos(seed, lineage.Number, record.Dataset, record.Sequence);
            row.Field(typos.Name(NamePools.Forename(person.Male, person.Forename), IdentityTypos.ForenameTypo));
            row.Field(typos.Name(NamePools.Surnames[person.Surname], IdentityTypos.SurnameTypo));
            var birthDate = typos.BirthDate(HouseholdFounder.BirthDate(person));
            if (birthDate < 0) row.Empty(); else row.Date(birthDate, format);
            var postcode = typos.Postcode(lineage.Households[record.Household].Postcode, Previous(lineage, homes[record.Person]!, record.Household));
            if (postcode is null) row.Empty(); else row.Field(postcode);

            row.Date(record.Start, format);
            if (dataset.Layout.EndDateColumn is not null)
            {
                if (record.End is Days.None or Days.Open || record.End > extractDay)
                    row.Empty();
                else
                    row.Date(record.End, format);
            }
            if (dataset.Layout.ValueColumn is not null)
            {
                if (float.IsNaN(record.Value)) row.Empty(); else row.Number(record.Value);
            }
            row.EndRow();

            var link = buffers[OutputFiles.RecordPeople];
            link.Field(DatasetCodes[record.Dataset]);
            link.Field(recordId);
            link.Field(person.Id);
            link.EndRow();
        }
    }

    private static string? Previous(Lineage lineage, List<int> homes, int household)
    {
        var at = homes.IndexOf(household);
        return at > 0 ? lineage.Households[homes[at - 1]].Postcode : null;
    }

    private static void WriteNeeds(Lineage lineage, CsvBuffer row)
    {
        foreach (var need in lineage.Needs)
        {
            row.Field(lineage.Families[need.Family].Id);
            row.Field(YearMonth.FromOrdinal(need.Month).ToString());
            for (var i = 0; i < 6; i++)
                row.Field(need.Levels[i]);
            row.EndRow();
        }
    }

    /// <summary>An agency-style prefix for record ids: the initials of the extract's file name, e.g. <c>PAI-</c> for police_asb_incidents.csv.</summary>
    private static string RecordPrefix(string fileName) =>
        string.Concat(Path.GetFileNameWithoutExtension(fileName).Split('_').Select(word => char.ToUpperInvariant(word[0]))) + "-";
}
