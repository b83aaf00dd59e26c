using System.Globalization;

namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Pairs of records that may never end in one entity, whatever chain of links would join them:
/// outright conflicting dates of birth (no keying error explains them: two people, even across sources); ages that the
/// records' contexts imply and that cannot meet (<see cref="ImpliedAges"/>); dates of birth a generation apart in any sources (a parent and a child with the same name and
/// address); and relatives: the same surname with forenames that are not the same name (not equal, a known
/// variant, an initial, or one keying error apart) and either the same date of birth (twins) or the same
/// address or postcode (siblings, partners); twins also when their sexes differ and forenames are not identical. The model alone cannot see relatives: it treats the surname
/// and the address as independent evidence, and in a household they agree together.
/// In a one-to-one assignment only the date rule within one source applies: there each record takes its best partner,
/// so a twin's or parent's own record outbids the relative whenever both are present, and files like FEBRL's,
/// whose duplicates may carry a replaced forename or date of birth, would otherwise lose true links.
/// </summary>
internal sealed class ChainingGuards(PreparedRecords data, LinkageSettings settings, bool oneToOne)
{
    /// <summary>The first forename level that is not the same name (the Jaro–Winkler bands and else).</summary>
    private const int FirstDifferentForenameLevel = 4;

    /// <summary>The first date-of-birth level past a transposition: one part differs, or more.</summary>
    private const int DatesDifferInAPart = 2;

    /// <summary>The last address level that means the same address or postcode.</summary>
    private const int LastSameAddressLevel = 3;

    private readonly ForenameComparison forenames = new(settings.JaroWinklerThresholds);
    private readonly AddressComparison addresses = new(settings.JaroWinklerThresholds);

    /// <summary>Whether records i and j conflict.</summary>
    public bool Conflict(int i, int j)
    {
        // Ages the records' contexts imply (a pupil, an adult claimant) that cannot meet: two people however well the names agree.
        if (!oneToOne && ImpliedAges.CannotMeet(data, i, j))
            return true;
        var dateLevel = BirthDateComparison.Compare(data.BirthDate[i], data.BirthDate[j]);
        // Dates of birth that no keying error explains (not equal, not transposed, not one part wrong, not the same
        // year) belong to two people, whatever the sources: on the synthetic city 3 of 1,000 distinct date pairs
        // within one true person were that far apart, against 339 of 445 date pairs wrongly put together
        // (docs/linkage.md, "Clustering and guards"). In a one-to-one assignment only within one source, as before.
        if (dateLevel == BirthDateComparison.Conflict && (!oneToOne || data.Source[i] == data.Source[j]))
            return true;
        if (!oneToOne && dateLevel > 0 && GenerationApart(data.BirthDate[i], data.BirthDate[j]))
            return true;
        if (!oneToOne && dateLevel >= DatesDifferInAPart && RegisteredApart(i, j))
            return true;
        if (oneToOne || data.Surname[i] < 0 || data.Surname[i] != data.Surname[j])
            return false;
        // Twins of different sexes may share a diminutive (Alexander and Alexandra are both Alex).
        if (dateLevel == 0 && data.Sex[i] >= 0 && data.Sex[j] >= 0 && data.Sex[i] != data.Sex[j] && forenames.Level(data, i, j) > 0)
            return true;
        if (!DifferentForenames(i, j))
            return false;
        if (dateLevel == 0)
            return true;
        var addressLevel = addresses.Level(data, i, j);
        return addressLevel is >= 0 and <= LastSameAddressLevel;
    }

    // One source that gave the two records different references of its own, and dates of birth that differ in a day,
    // a month or more: the source registered two people. Its duplicate registrations (one person registered twice) give
    // the same date again unless it is mistyped, while same-named sisters of one household, born months apart, are
    // exactly this: they were the largest share of false links on the Bristol-sized city (docs/linkage.md).
    private bool RegisteredApart(int i, int j) =>
        data.Source[i] == data.Source[j] && data.EntityRef[i] >= 0 && data.EntityRef[j] >= 0 && data.EntityRef[i] != data.EntityRef[j];

    // Years a generation apart, unless one keying error explains them (1985 typed as 1958).
    private bool GenerationApart(int left, int right)
    {
        int yearLeft = BirthDates.Year(left), yearRight = BirthDates.Year(right);
        return Math.Abs(yearLeft - yearRight) >= settings.GenerationGapYears
            && !EditDistance.IsOneEdit(yearLeft.ToString(CultureInfo.InvariantCulture), yearRight.ToString(CultureInfo.InvariantCulture));
    }

    private bool DifferentForenames(int i, int j) =>
        forenames.Level(data, i, j) >= FirstDifferentForenameLevel
        && !EditDistance.IsOneEdit(data.ForenameValues[data.Forename[i]], data.ForenameValues[data.Forename[j]]);
}
