using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Places;

/// <summary>Synthetic postcodes and UPRNs for addresses.</summary>
internal static class Postcodes
{
    /// <summary>Letters allowed in the inward code of a UK postcode (no C, I, K, M, O or V).</summary>
    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary>A full postcode in the area's sector: the inward code is a digit and two letters, as in Bogus's en_GB pattern "??# #??".</summary>
    public static string ForAddress(Area area, RandomStream random) =>
        string.Concat(area.PostcodeSector, InwardLetters[random.NextInt(InwardLetters.Length)].ToString(),
            InwardLetters[random.NextInt(InwardLetters.Length)].ToString());

    /// <summary>
    /// A 12-digit Unique Property Reference Number for household <paramref name="householdId"/>: an affine
    /// map modulo 10^11 with a multiplier coprime to 10, so distinct households never share one.
    /// </summary>
    public static long Uprn(long householdId) => 100_000_000_000L + (householdId % 100_000_000_000L * 7_919L + 1_234_567L) % 100_000_000_000L;
}
