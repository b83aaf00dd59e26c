using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Places;

/// <summary>
/// The canonical address line of a household's property as the council's gazetteer holds it: a house
/// number and street, or a flat in a numbered building (<c>Flat 2, 14 Acacia Road</c>). Derived from
/// the household id and the seed by hashing, so it draws nothing from the simulation's streams.
/// </summary>
internal static class Addresses
{
    /// <summary>Street names (the project's own list).</summary>
    private static readonly string[] Streets =
        ["Acacia", "Albert", "Alexandra", "Ashley", "Beaufort", "Belmont", "Birch", "Brook", "Cambridge", "Castle", "Cedar", "Chapel",
         "Church", "Clarence", "Coronation", "Cromwell", "Dean", "Elm", "Fairfield", "Forest", "Gloucester", "Grange", "Greenbank",
         "Grosvenor", "Hawthorn", "High", "Highfield", "Hill", "Kingsley", "Lansdown", "Lime", "Manor", "Maple", "Mill", "Nelson",
         "Newton", "Oak", "Orchard", "Park", "Queens", "Redland", "Richmond", "Rose", "St Marks", "School", "Stanley", "Station",
         "Stokes", "Summerhill", "Victoria", "Warwick", "Waterloo", "Wellington", "Westbury", "Whiteway", "Willow", "Windsor", "York"];

    /// <summary>Street types with the abbreviation clerks key in.</summary>
    public static readonly (string Full, string Short)[] StreetTypes =
        [("Road", "Rd"), ("Street", "St"), ("Avenue", "Ave"), ("Close", "Cl"), ("Lane", "Ln"), ("Grove", "Gr"), ("Drive", "Dr"),
         ("Crescent", "Cres"), ("Gardens", "Gdns"), ("Place", "Pl"), ("Terrace", "Ter"), ("Way", "Way")];

    /// <summary>Share of rented homes that are flats, and of owned homes [A].</summary>
    private const double RentedFlatShare = 0.45, OwnedFlatShare = 0.1;

    /// <summary>The parts of household <paramref name="householdId"/>'s address under <paramref name="seed"/>.</summary>
    public static AddressParts Of(long seed, long householdId, Tenure tenure)
    {
        var state = SeedSequence.Derive(seed, householdId, RandomPurpose.Address);
        var street = Streets[(int)(SeedSequence.NextSplitMix(ref state) % (ulong)Streets.Length)];
        var type = (int)(SeedSequence.NextSplitMix(ref state) % (ulong)StreetTypes.Length);
        var number = 1 + (int)(SeedSequence.NextSplitMix(ref state) % 180);
        var flatChance = tenure == Tenure.Owner ? OwnedFlatShare : RentedFlatShare;
        var isFlat = (SeedSequence.NextSplitMix(ref state) >> 11) * (1.0 / (1UL << 53)) < flatChance;
        var flat = isFlat ? 1 + (int)(SeedSequence.NextSplitMix(ref state) % 12) : 0;
        return new AddressParts(flat, number, street, type);
    }
}

/// <summary>An address line's parts.</summary>
/// <param name="Flat">Flat number, or 0 for a house.</param>
/// <param name="Number">House or building number.</param>
/// <param name="Street">Street name without its type.</param>
/// <param name="StreetType">Index into <see cref="Addresses.StreetTypes"/>.</param>
internal readonly record struct AddressParts(int Flat, int Number, string Street, int StreetType)
{
    /// <summary>The canonical line, e.g. <c>Flat 2, 14 Acacia Road</c> or <c>27 Mill Lane</c>.</summary>
    public string Canonical => Flat > 0
        ? $"Flat {Flat}, {Number} {Street} {Addresses.StreetTypes[StreetType].Full}"
        : $"{Number} {Street} {Addresses.StreetTypes[StreetType].Full}";
}
