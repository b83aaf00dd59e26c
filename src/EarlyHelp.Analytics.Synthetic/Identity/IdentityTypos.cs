using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// Realistic errors in the identity fields an agency keys in: a slipped letter in a name, day and
/// month swapped or a day out by one in a date of birth, an old or mistyped postcode, a blank field.
/// Each record draws from its own counter-based stream (seed, lineage, dataset, record), so errors
/// never disturb the simulation and a record keeps its errors when a run is extended.
/// Rates are assumptions [A] of the order reported for administrative data linkage.
/// </summary>
internal struct IdentityTypos
{
    /// <summary>Probability that a forename, a surname, is mistyped.</summary>
    public const double ForenameTypo = 0.02, SurnameTypo = 0.015;

    /// <summary>Probability that a date of birth has day and month swapped (when the day is 12 or less), is a day out, is blank.</summary>
    public const double BirthDateSwapped = 0.01, BirthDateOffByOne = 0.005, BirthDateBlank = 0.005;

    /// <summary>Probability that the postcode is the previous address's, is mistyped, is blank.</summary>
    public const double PostcodeOld = 0.04, PostcodeTypo = 0.01, PostcodeBlank = 0.01;

    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private ulong state;

    /// <summary>The errors of record <paramref name="sequence"/> of <paramref name="dataset"/> in lineage <paramref name="lineage"/>.</summary>
    public IdentityTypos(long seed, int lineage, int dataset, int sequence) =>
        state = SeedSequence.Derive(seed, ((long)lineage << 32) | ((long)dataset << 24) | (uint)sequence, RandomPurpose.Typo);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => (SeedSequence.NextSplitMix(ref state) >> 11) * (1.0 / (1UL << 53)) < probability;

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)((SeedSequence.NextSplitMix(ref state) >> 33) % (ulong)count);

    /// <summary>The name as keyed: usually as it is, sometimes with one slip of the keyboard.</summary>
    public byte[] Name(byte[] name, double probability)
    {
        if (name.Length < 3 || !Chance(probability))
            return name;
        var at = 1 + NextInt(name.Length - 2);
        var letter = (byte)Letters[NextInt(Letters.Length)];
        return NextInt(4) switch
        {
            0 => [.. name[..at], name[at + 1], name[at], .. name[(at + 2)..]],
            1 => [.. name[..at], .. name[(at + 1)..]],
            2 => [.. name[..at], name[at], .. name[at..]],
            _ => [.. name[..at], letter, .. name[(at + 1)..]],
        };
    }

    /// <summary>The date of birth as keyed, or -1 for blank.</summary>
    public int BirthDate(int dayNumber)
    {
        if (Chance(BirthDateBlank))
            return -1;
        var date = DateOnly.FromDayNumber(dayNumber);
        if (date.Day <= 12 && date.Day != date.Month && Chance(BirthDateSwapped))
            return new DateOnly(date.Year, date.Day, date.Month).DayNumber;
        if (Chance(BirthDateOffByOne))
            return dayNumber + (NextInt(2) == 0 ? -1 : 1);
        return dayNumber;
    }

    /// <summary>The postcode as keyed: the current one, the previous address's, one with a mistyped character, or null for blank.</summary>
    public string? Postcode(string current, string? previous)
    {
        if (Chance(PostcodeBlank))
            return null;
        if (previous is not null && Chance(PostcodeOld))
            return previous;
        if (!Chance(PostcodeTypo))
            return current;
        var characters = current.ToCharArray();
        var at = characters.Length - 1 - NextInt(2);
        characters[at] = (char)('A' + NextInt(26));
        return new string(characters);
    }
}
