namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Whether two records' contexts say they are two people: a record's range of dates of birth implied by its
/// context (<see cref="LinkageRecord.ImpliedBirthDates"/>), or its date of birth where the range allows it, cannot meet
/// the other's. A school contact who is a parent and the pupil they are a contact for, with one name
/// and no date of birth on the parent's side, are told apart so. Two dates of birth alone are the date guards' work.
/// </summary>
internal static class ImpliedAges
{
    /// <summary>Whether records i and j cannot be one person by what their contexts imply about their ages.</summary>
    public static bool CannotMeet(PreparedRecords data, int i, int j)
    {
        if (!Bounds(data, i, out var earliestLeft, out var latestLeft, out var dateLeft)
            || !Bounds(data, j, out var earliestRight, out var latestRight, out var dateRight)
            || (dateLeft && dateRight))
            return false;
        return earliestLeft > latestRight || earliestRight > latestLeft;
    }

    // A record's date of birth when its range allows it (the sharper evidence); the range when the date lies outside it
    // (a date typed wrong) or is missing; the date as a range of one day without a range; false with neither.
    private static bool Bounds(PreparedRecords data, int record, out int earliest, out int latest, out bool isDate)
    {
        var birth = data.BirthDate[record];
        var hasRange = data.BornLatest[record] >= 0;
        isDate = !hasRange || (birth >= data.BornEarliest[record] && birth <= data.BornLatest[record]);
        (earliest, latest) = isDate ? (birth, birth) : (data.BornEarliest[record], data.BornLatest[record]);
        return earliest >= 0;
    }
}
