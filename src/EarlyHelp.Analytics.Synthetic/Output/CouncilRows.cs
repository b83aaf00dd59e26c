using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// Writes one lineage's rows of the council files (<see cref="CouncilFiles"/>): the gazetteer, the school
/// census and contacts, social care's carers and characteristics, council tax occupants, tenancy members
/// and birth notifications, each person in them keyed as that system holds them, and the truth row of
/// each person-row (<c>record_id/role</c>).
/// </summary>
internal sealed partial class CouncilRows(long seed, LineageIndex index, IdentityKeyer keyer, CsvBuffer[] buffers, int[] firstCareRecord)
{
    private static readonly CompiledDateFormat[] Formats = CouncilFiles.All.Select(c => CompiledDateFormat.Compile(c.DateFormat)).ToArray();
    private static readonly string[] EthnicityCodes = [.. ProtectedCodes.Ethnicities];

    private Lineage Lineage => index.Lineage;

    /// <summary>Writes every council file's rows.</summary>
    public void Write()
    {
        Gazetteer();
        SchoolCensus();
        Relationships();
        Occupancies();
        Births();
    }

    private void Gazetteer()
    {
        var row = buffers[OutputFiles.Of(CouncilFiles.Gazetteer)];
        foreach (var household in Lineage.Households)
        {
            if (!index.HouseholdKept[household.Index])
                continue;
            row.Field(Postcodes.Uprn(household.Id));
            row.Field(Addresses.Of(seed, household.Id, household.Tenure).Canonical);
            row.Field(household.Postcode);
            row.Field(household.Area.Code);
            row.Field(household.Area.ImdDecile);
            row.EndRow();
        }
    }

    /// <summary>
    /// The reference of a row of <paramref name="layout"/> from <paramref name="number"/>, a number made of
    /// what the row is about (a person, a residence, a pair of memberships, a census year), so that it is the
    /// same in a longer run; and a key for the row's random choices.
    /// </summary>
    private (string Id, long Key) Row(CouncilFileLayout layout, string prefix, long number)
    {
        var file = OutputFiles.Of(layout) - OutputFiles.FirstCouncilFile;
        return (AgencySystems.Scrambled(prefix, seed, 200 + file, number, 14), number ^ ((64L + file) << 50));
    }

    /// <summary>A row number for the person or residence at lineage index <paramref name="item"/> (below 10^5) of this lineage: below 10^14 for 10^9 lineages.</summary>
    private long Numbered(int item) => item < 100_000
        ? (long)Lineage.Number * 100_000 + item
        : throw new InvalidOperationException($"Lineage {Lineage.Number} has more than 100,000 people or residences.");

    /// <summary>A row number for a pair of memberships (child, parent) of this lineage, each below 4,096.</summary>
    private long Paired(int child, int parent) => child < 4096 && parent < 4096
        ? ((long)Lineage.Number * 4096 + child) * 4096 + parent
        : throw new InvalidOperationException($"Lineage {Lineage.Number} has more than 4,096 family memberships.");

    /// <summary>The row buffer and date format of <paramref name="layout"/>.</summary>
    private (CsvBuffer Row, CompiledDateFormat Format) FileOf(CouncilFileLayout layout)
    {
        var file = OutputFiles.Of(layout);
        return (buffers[file], Formats[file - OutputFiles.FirstCouncilFile]);
    }

    /// <summary>Writes the truth row naming <paramref name="person"/> as <paramref name="role"/> of row <paramref name="id"/>.</summary>
    private void Truth(CouncilFileLayout layout, string id, string role, SimPerson person) =>
        buffers[OutputFiles.RecordPeople].TruthRow(CouncilFiles.DatasetName(layout), id + "/" + role, person.Id);

    /// <summary>Writes the end of a period: blank while open or when it ends after the extract date.</summary>
    private void End(CsvBuffer row, int end, CompiledDateFormat format)
    {
        if (end == Days.Open || end > index.ExtractDay)
            row.Empty();
        else
            row.Date(end, format);
    }

    /// <summary>The ethnic group a system records for <paramref name="person"/>, or null for blank.</summary>
    private string? RecordedEthnicity(ref RegistrationDraws draws, SimPerson person, double blank, double other, double mixedAsParent)
    {
        var isBlank = draws.Chance(blank);
        var asParent = draws.Chance(mixedAsParent);
        var asOther = draws.Chance(other);
        var shift = 1 + draws.NextInt(EthnicityCodes.Length - 1);
        if (isBlank)
            return null;
        if (person.Ethnicity == Ethnicity.Mixed && asParent)
        {
            var mother = person.Mother >= 0 ? Lineage.People[person.Mother].Ethnicity : Ethnicity.WhiteBritish;
            return EthnicityCodes[(int)(mother == Ethnicity.Mixed ? Ethnicity.WhiteBritish : mother)];
        }
        return EthnicityCodes[asOther ? ((int)person.Ethnicity + shift) % EthnicityCodes.Length : (int)person.Ethnicity];
    }
}
