namespace EarlyHelp.Analytics.Linkage;

/// <summary>The dates of birth a record's context allows (a pupil on a census day, an adult claimant), both ends included.</summary>
/// <param name="Earliest">The earliest date of birth the context allows.</param>
/// <param name="Latest">The latest date of birth the context allows.</param>
public readonly record struct BirthDateRange(DateOnly Earliest, DateOnly Latest)
{
    /// <summary>
    /// The dates of birth of someone aged <paramref name="minimumAge"/> to <paramref name="maximumAge"/> whole years on
    /// <paramref name="on"/>: born after <c>on</c> less (maximum + 1) years, and on or before <c>on</c> less the minimum.
    /// A null bound is open (no upper age; or no lower age, for a child who may not yet be born, as in a pre-birth referral).
    /// </summary>
    public static BirthDateRange ForAge(DateOnly on, int? minimumAge, int? maximumAge)
    {
        if (minimumAge < 0)
            throw new ArgumentOutOfRangeException(nameof(minimumAge), minimumAge, "The minimum age must be 0 or more.");
        if (maximumAge < (minimumAge ?? 0))
            throw new ArgumentOutOfRangeException(nameof(maximumAge), maximumAge, $"The maximum age must be at least the minimum, {minimumAge ?? 0}.");
        var earliest = maximumAge is { } oldest ? on.AddYears(-(oldest + 1)).AddDays(1) : DateOnly.MinValue;
        var latest = minimumAge is { } youngest ? on.AddYears(-youngest) : DateOnly.MaxValue;
        return new BirthDateRange(earliest, latest);
    }

    /// <summary>The dates both ranges allow, or null when they cannot meet.</summary>
    public BirthDateRange? Intersect(BirthDateRange other)
    {
        var earliest = Earliest > other.Earliest ? Earliest : other.Earliest;
        var latest = Latest < other.Latest ? Latest : other.Latest;
        return earliest <= latest ? new BirthDateRange(earliest, latest) : null;
    }
}
