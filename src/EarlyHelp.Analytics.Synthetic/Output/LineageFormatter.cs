using System.Text;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Recording;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// Writes one simulated lineage as CSV rows of every output file, keeping only what falls in the
/// history window: periods that overlap it, records that start in it or are still open at its start,
/// and nothing dated after the extract date (an end after it is written as open). Agency files carry
/// identities as each agency keyed them (<see cref="IdentityKeyer"/>); the true registers go to the truth files.
/// </summary>
internal sealed class LineageFormatter
{
    /// <summary>Records one lineage may hold per dataset or council file, so that record ids stay unique.</summary>
    public const int RecordsPerLineage = 100_000;

    private static readonly byte[][] SexCodes = [Encoding.ASCII.GetBytes("F"), Encoding.ASCII.GetBytes("M")];
    private static readonly byte[][] DisabilityCodes = [Encoding.ASCII.GetBytes("N"), Encoding.ASCII.GetBytes("Y")];
    private static readonly byte[][] EthnicityCodes = ProtectedCodes.Ethnicities.Select(Encoding.ASCII.GetBytes).ToArray();
    private static readonly byte[][] TenureCodes = ProtectedCodes.Tenures.Select(Encoding.ASCII.GetBytes).ToArray();
    private static readonly byte[][] RoleCodes = Enum.GetValues<FamilyRole>().Select(r => Encoding.ASCII.GetBytes(r.Code())).ToArray();
    private static readonly string[] RecordPrefixes = DatasetCatalogue.All.Select(d => RecordPrefix(d.Layout.FileName)).ToArray();
    private static readonly CompiledDateFormat Iso = CompiledDateFormat.Compile("yyyy-MM-dd");
    private static readonly CompiledDateFormat[] DatasetFormats = DatasetCatalogue.All.Select(d => CompiledDateFormat.Compile(d.Layout.DateFormat)).ToArray();

    private readonly long seed;
    private readonly int historyStart;
    private readonly int extractDay;
    private readonly StaffDirectory staff;

    /// <summary>A formatter for a run with <paramref name="seed"/> whose history runs from <paramref name="historyStart"/> to <paramref name="extractDay"/> (day numbers).</summary>
    public LineageFormatter(long seed, int historyStart, int extractDay)
    {
        this.seed = seed;
        this.historyStart = historyStart;
        this.extractDay = extractDay;
        staff = new StaffDirectory(seed);
    }

    /// <summary>Appends <paramref name="lineage"/>'s rows to <paramref name="buffers"/> (one per <see cref="OutputFiles.All"/> entry).</summary>
    public void Format(Lineage lineage, CsvBuffer[] buffers)
    {
        var index = new LineageIndex(lineage, historyStart, extractDay);
        var keyer = new IdentityKeyer(seed, lineage, index.ResidencesOf);
        WriteTruth(index, buffers);
        var firstCareRecord = WriteEvents(index, keyer, buffers);
        new CouncilRows(seed, index, keyer, buffers, firstCareRecord).Write();
        WriteNeeds(lineage, buffers[OutputFiles.FamilyNeed]);
    }

    private void WritePeriod(CsvBuffer row, int start, int end)
    {
        row.Date(start, Iso);
        if (end == Days.Open || end > extractDay)
            row.Empty();
        else
            row.Date(end, Iso);
        row.EndRow();
    }

    private void WriteTruth(LineageIndex index, CsvBuffer[] buffers)
    {
        var lineage = index.Lineage;
        var households = buffers[OutputFiles.Of(RegisterFiles.Households)];
        foreach (var household in lineage.Households)
        {
            if (!index.HouseholdKept[household.Index])
                continue;
            households.Field(household.Id);
            households.Field(Places.Postcodes.Uprn(household.Id));
            households.Field(household.Area.Code);
            households.Field(household.Area.ImdDecile);
            households.Field(TenureCodes[(int)household.Tenure]);
            households.EndRow();
        }
        WritePeople(index, buffers);
        var residences = buffers[OutputFiles.Of(RegisterFiles.Residences)];
        foreach (var residence in lineage.Residences)
        {
            if (!index.Overlaps(residence.Start, residence.End))
                continue;
            residences.Field(lineage.People[residence.Person].Id);
            residences.Field(lineage.Households[residence.Household].Id);
            WritePeriod(residences, residence.Start, residence.End);
        }
        WriteFamilies(index, buffers);
    }

    private void WritePeople(LineageIndex index, CsvBuffer[] buffers)
    {
        var lineage = index.Lineage;
        foreach (var person in lineage.People)
        {
            if (!index.PersonKept[person.Index])
                continue;
            var people = buffers[OutputFiles.Of(RegisterFiles.People)];
            people.Field(person.Id);
            people.Field(YearMonth.FromOrdinal(person.BirthMonth).ToString());
            if (person.DeathMonth >= 0 && Days.FirstOf(person.DeathMonth) <= extractDay)
                people.Field(YearMonth.FromOrdinal(person.DeathMonth).ToString());
            else
                people.Empty();
            people.EndRow();

            var protectedRow = buffers[OutputFiles.Of(RegisterFiles.PeopleProtected)];
            protectedRow.Field(person.Id);
            protectedRow.Field(SexCodes[person.Male ? 1 : 0]);
            protectedRow.Field(EthnicityCodes[(int)person.Ethnicity]);
            protectedRow.Field(DisabilityCodes[person.Disabled ? 1 : 0]);
            protectedRow.EndRow();

            var identity = buffers[OutputFiles.Of(RegisterFiles.PeopleIdentity)];
            identity.Field(person.Id);
            identity.Field(NamePools.Forename(person.Male, person.Forename));
            identity.Field(TrueSurname(person));
            identity.Date(HouseholdFounder.BirthDate(person), Iso);
            identity.Field(lineage.Households[lineage.Residences[index.ResidencesOf[person.Index][^1]].Household].Postcode);
            identity.EndRow();
        }
    }

    /// <summary>The surname a person uses now (double-barrelled with a hyphen).</summary>
    public static string TrueSurname(SimPerson person) => person.SecondSurname >= 0
        ? NamePools.Surnames.Names[person.Surname] + "-" + NamePools.Surnames.Names[person.SecondSurname]
        : NamePools.Surnames.Names[person.Surname];

    private void WriteFamilies(LineageIndex index, CsvBuffer[] buffers)
    {
        var lineage = index.Lineage;
        var familyKept = new bool[lineage.Families.Count];
        foreach (var membership in lineage.Memberships)
            familyKept[membership.Family] |= index.PersonKept[membership.Person] && index.Overlaps(membership.Start, membership.End);
        var families = buffers[OutputFiles.Of(RegisterFiles.Families)];
        foreach (var family in lineage.Families)
        {
            if (!familyKept[family.Index])
                continue;
            families.Field(family.Id);
            families.EndRow();
        }
        var members = buffers[OutputFiles.Of(RegisterFiles.FamilyMembers)];
        foreach (var membership in lineage.Memberships)
        {
            if (!index.PersonKept[membership.Person] || !index.Overlaps(membership.Start, membership.End))
                continue;
            members.Field(lineage.Families[membership.Family].Id);
            members.Field(lineage.People[membership.Person].Id);
            members.Field(RoleCodes[(int)membership.Role]);
            WritePeriod(members, membership.Start, membership.End);
        }
    }

    /// <summary>Writes the agency records; returns, per person, the start of their first written social care or early help record (-1 when none).</summary>
    private int[] WriteEvents(LineageIndex index, IdentityKeyer keyer, CsvBuffer[] buffers)
    {
        var lineage = index.Lineage;
        var firstCareRecord = new int[lineage.People.Count];
        Array.Fill(firstCareRecord, -1);
        foreach (var record in lineage.Events)
        {
            if (!IsWritten(index, record))
                continue;
            if (AgencySystems.OfDataset[record.Dataset] == AgencySystems.SocialCare
                && (firstCareRecord[record.Person] < 0 || record.Start < firstCareRecord[record.Person]))
                firstCareRecord[record.Person] = record.Start;
            if (record.Sequence >= RecordsPerLineage)
                throw new InvalidOperationException($"Lineage {lineage.Number} made more than {RecordsPerLineage} records of one dataset.");
            var dataset = DatasetCatalogue.All[record.Dataset];
            var layout = dataset.Layout;
            var format = DatasetFormats[record.Dataset];
            var person = lineage.People[record.Person];
            var recordNumber = (long)lineage.Number * RecordsPerLineage + record.Sequence;
            var row = buffers[OutputFiles.FirstDataset + record.Dataset];
            var recordId = AgencySystems.Scrambled(RecordPrefixes[record.Dataset], seed, 300 + record.Dataset, recordNumber, 12);
            var keyed = keyer.Key(person, AgencySystems.OfDataset[record.Dataset], record.Start,
                ((long)lineage.Number << 32) | ((long)record.Dataset << 24) | (uint)record.Sequence);

            row.Field(recordId);
            row.Person(keyed, format);
            if (layout.Identity.Sex is not null)
                row.Optional(keyed.Sex);
            row.Home(keyed);
            if (layout.Identity.Uprn is not null)
                row.Field(keyed.Uprn);
            if (layout.Identity.NhsNumber is not null)
                row.Optional(keyed.NhsNumber);

            row.Date(record.Start, format);
            if (layout.EndDateColumn is not null)
            {
                if (record.End is Days.None or Days.Open || record.End > extractDay)
                    row.Empty();
                else
                    row.Date(record.End, format);
            }
            if (layout.ValueColumn is not null)
            {
                if (float.IsNaN(record.Value)) row.Empty(); else row.Number(record.Value);
            }
            if (layout.Contact is { } contact)
                staff.Write(row, contact, record.Dataset, lineage.Number);
            row.EndRow();
            buffers[OutputFiles.RecordPeople].TruthRow(dataset.Code, recordId, person.Id);
        }
        return firstCareRecord;
    }

    /// <summary>Whether an agency record is written: its person lived in the city in the history and it falls in the window.</summary>
    private bool IsWritten(LineageIndex index, EventRow record) =>
        index.PersonKept[record.Person] && record.Start <= extractDay && (record.End == Days.None ? record.Start : record.End) >= historyStart;

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
