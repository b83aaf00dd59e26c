namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Pairs of records that may never end in one entity, whatever chain of links would join them:
/// outright conflicting dates of birth within one source (a source that registered two dates holds two
/// people); dates of birth a generation apart in any sources (a parent and a child with the same name and
/// address); and twins: the same date of birth and surname with forenames that are not the same name
/// (not equal, a known variant, an initial, or one keying error apart).
/// In a one-to-one assignment only the same-source rule applies: there each record takes its best partner,
/// so a twin's or parent's own record outbids the relative whenever both are present, and files like FEBRL's,
/// whose duplicates may carry a replaced forename or date of birth, would otherwise lose true links.
/// </summary>
internal sealed class ChainingGuards(PreparedRecords data, LinkageSettings settings, bool oneToOne)
{
    private readonly ForenameComparison forenames = new(settings.JaroWinklerThresholds);

    /// <summary>The first forename level that is not the same name (the Jaro–Winkler bands and else).</summary>
    private const int FirstDifferentForenameLevel = 4;

    /// <summary>Whether records i and j conflict.</summary>
    public bool Conflict(int i, int j)
    {
        var dateLevel = BirthDateComparison.Compare(data.BirthDate[i], data.BirthDate[j]);
        if (dateLevel == BirthDateComparison.Conflict)
        {
            if (data.Source[i] == data.Source[j])
                return true;
            if (oneToOne)
                return false;
            var gap = Math.Abs(BirthDates.Year(data.BirthDate[i]) - BirthDates.Year(data.BirthDate[j]));
            return gap >= settings.GenerationGapYears;
        }
        if (oneToOne || dateLevel != 0 || data.Surname[i] < 0 || data.Surname[i] != data.Surname[j])
            return false;
        var forenameLevel = forenames.Level(data, i, j);
        return forenameLevel >= FirstDifferentForenameLevel
            && !EditDistance.IsOneEdit(data.ForenameValues[data.Forename[i]], data.ForenameValues[data.Forename[j]]);
    }
}
