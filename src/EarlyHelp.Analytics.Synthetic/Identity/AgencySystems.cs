using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// The agencies' person systems, one per person-reference prefix (children's social care and early help
/// share one), with how each writes identities: upper case, NHS-traced, and its person references.
/// </summary>
internal static class AgencySystems
{
    /// <summary>The schools' system of parent and carer contacts (its own references).</summary>
    public const string SchoolContactsPrefix = "EC";

    /// <summary>Every prefix, in a fixed order; a system is its position here.</summary>
    public static IReadOnlyList<string> Prefixes { get; } =
        [.. AgencyStyle.All.Select(a => a.PersonRefPrefix).Distinct(StringComparer.Ordinal), SchoolContactsPrefix];

    /// <summary>The system of each dataset of <see cref="DatasetCatalogue.All"/>.</summary>
    public static int[] OfDataset { get; } = DatasetCatalogue.All.Select(d => Of(AgencyStyleOf(d).PersonRefPrefix)).ToArray();

    /// <summary>The police, schools (pupils), schools (contacts), social care, revenues, housing and NHS systems.</summary>
    public static readonly int Police = Of(AgencyStyle.Police.PersonRefPrefix), Schools = Of(AgencyStyle.Schools.PersonRefPrefix),
        SchoolContacts = Of(SchoolContactsPrefix), SocialCare = Of(AgencyStyle.ChildrensSocialCare.PersonRefPrefix),
        Revenues = Of(AgencyStyle.Revenues.PersonRefPrefix), Housing = Of(AgencyStyle.Housing.PersonRefPrefix), Health = Of(AgencyStyle.Health.PersonRefPrefix);

    /// <summary>Systems that write names and addresses in capitals (mainframe-era systems) [A].</summary>
    private static readonly bool[] Capitals = Prefixes.Select(p => p is "DW" or "PN").ToArray();

    /// <summary>The system with prefix <paramref name="prefix"/>.</summary>
    public static int Of(string prefix)
    {
        for (var i = 0; i < Prefixes.Count; i++)
        {
            if (Prefixes[i] == prefix)
                return i;
        }
        throw new InvalidOperationException($"No agency system has the prefix '{prefix}'.");
    }

    /// <summary>Whether <paramref name="system"/> writes in capitals.</summary>
    public static bool WritesCapitals(int system) => Capitals[system];

    /// <summary>Whether <paramref name="system"/> is an NHS system (identities traced against the national register).</summary>
    public static bool IsHealth(int system) => system == Health;

    /// <summary>
    /// The reference of person <paramref name="personId"/> in <paramref name="system"/> (its second one when
    /// <paramref name="duplicate"/>): the prefix and 11 digits from a keyed permutation (<see cref="Scrambled"/>),
    /// distinct for distinct people and registrations, sharing nothing with another system's references.
    /// </summary>
    public static string Reference(long seed, int system, long personId, bool duplicate) =>
        Scrambled(Prefixes[system], seed, system, personId * 2 + (duplicate ? 1 : 0), 11);

    /// <summary>
    /// <paramref name="prefix"/> and <paramref name="digits"/> digits (up to 16) for <paramref name="key"/> under
    /// <paramref name="salt"/>: a four-round Feistel permutation of two equal halves of bits keyed by the seed and
    /// the salt, walked along its cycle until it lands below 10^digits (Black and Rogaway's cycle walking), so
    /// it is a bijection of [0, 10^digits) and neighbouring keys get unrelated references.
    /// </summary>
    public static string Scrambled(string prefix, long seed, int salt, long key, int digits)
    {
        var modulus = 1UL;
        for (var d = 0; d < digits; d++)
            modulus *= 10;
        var half = (64 - ulong.LeadingZeroCount(modulus - 1) + 1) / 2;
        var mask = (1UL << (int)half) - 1;
        var roundKey = SeedSequence.Derive(seed, salt, RandomPurpose.Registration);
        var value = (ulong)key % modulus;
        do
        {
            ulong left = value >> (int)half, right = value & mask;
            for (var round = 0UL; round < 4; round++)
                (left, right) = (right, left ^ (SeedSequence.Mix(right ^ roundKey ^ (round * 0x9E3779B97F4A7C15UL)) & mask));
            value = (left << (int)half) | right;
        }
        while (value >= modulus);
        return string.Concat(prefix, value.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(digits, '0'));
    }

    /// <summary>
    /// The NHS number of the person at <paramref name="index"/> in lineage <paramref name="lineage"/>:
    /// nine digits from a bijection of (lineage, index) into 90 million blocks of ten, the ninth digit
    /// moved within its block when needed so that the modulus-11 check digit exists (NHS Data Dictionary:
    /// weights 10 to 2, check = 11 − remainder, 11 → 0, 10 never issued). Distinct for up to 1.4 million
    /// lineages of at most 64 people.
    /// </summary>
    public static string NhsNumber(int lineage, int index)
    {
        const long blocks = 90_000_000L;
        var key = ((long)lineage * 64 + Math.Min(index, 63)) % blocks;
        var block = (key * 7_919L + 12_345L) % blocks;
        Span<int> digits = stackalloc int[10];
        var baseNumber = 100_000_000L + block * 10;
        for (var shift = 0; shift < 10; shift++)
        {
            var candidate = baseNumber + (key + shift) % 10;
            for (var i = 8; i >= 0; i--, candidate /= 10)
                digits[i] = (int)(candidate % 10);
            var check = CheckDigit(digits[..9]);
            if (check < 10)
            {
                digits[9] = check;
                Span<char> text = stackalloc char[10];
                for (var i = 0; i < 10; i++)
                    text[i] = (char)('0' + digits[i]);
                return new string(text);
            }
        }
        throw new InvalidOperationException("No valid NHS number in a block of ten (cannot happen: at most one last digit is invalid).");
    }

    /// <summary>The modulus-11 check digit of nine digits, or 10 when none is valid.</summary>
    public static int CheckDigit(ReadOnlySpan<int> nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
            sum += nineDigits[i] * (10 - i);
        var check = 11 - sum % 11;
        return check == 11 ? 0 : check;
    }

    private static AgencyStyle AgencyStyleOf(DatasetDefinition dataset) =>
        AgencyStyle.All.First(a => a.Agency == dataset.Agency && a.RecordIdColumn == dataset.Layout.RecordIdColumn);
}
