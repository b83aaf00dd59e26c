namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>One address of the council's gazetteer (its LLPG): the UPRN that becomes a household.</summary>
/// <param name="Uprn">Unique Property Reference Number.</param>
/// <param name="Address">Address as the gazetteer writes it.</param>
/// <param name="Postcode">Postcode.</param>
/// <param name="AreaCode">Small area (LSOA) code.</param>
/// <param name="ImdDecile">Index of Multiple Deprivation decile of the area, 1 the most deprived.</param>
public sealed record GazetteerEntry(string Uprn, string Address, string Postcode, string AreaCode, int ImdDecile);

/// <summary>
/// Matches agency addresses to gazetteer UPRNs. A UPRN the agency holds is taken when the gazetteer has it.
/// Otherwise the typed address is normalised (<see cref="AddressNormalisation"/>) and compared with the
/// gazetteer's addresses in the same postcode: the house and flat numbers must agree exactly and the best
/// share of shared words wins, at least half of the gazetteer address's words. When the postcode is missing
/// or finds nothing (a typo, a stale postcode), an address whose normalised text is identical anywhere in the
/// gazetteer is taken, provided only one UPRN has it.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Least share of a gazetteer address's words that a typed address must contain (assumption: half tolerates a missing town or a dropped street type).</summary>
    public const double MinimumWordShare = 0.5;

    private readonly Dictionary<string, GazetteerEntry> byUprn = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(GazetteerEntry Entry, IReadOnlyList<string> Tokens)>> byPostcode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> byKey = new(StringComparer.Ordinal);

    /// <summary>Indexes <paramref name="entries"/>.</summary>
    public Gazetteer(IEnumerable<GazetteerEntry> entries)
    {
        foreach (var entry in entries)
        {
            byUprn[entry.Uprn] = entry;
            var tokens = AddressNormalisation.Tokens(entry.Address);
            if (Postcodes.Normalise(entry.Postcode) is { } postcode)
            {
                if (!byPostcode.TryGetValue(postcode, out var list))
                    byPostcode[postcode] = list = [];
                list.Add((entry, tokens));
            }
            var key = string.Join(' ', tokens);
            // An address text shared by two UPRNs identifies neither.
            byKey[key] = byKey.TryGetValue(key, out var existing) && existing != entry.Uprn ? null : entry.Uprn;
        }
    }

    /// <summary>Addresses in the gazetteer.</summary>
    public int Count => byUprn.Count;

    /// <summary>The entry of <paramref name="uprn"/>, if the gazetteer has it.</summary>
    public GazetteerEntry? Find(string uprn) => byUprn.GetValueOrDefault(uprn);

    /// <summary>The UPRN an agency's address refers to, or null when none matches well enough.</summary>
    public string? Match(string? uprn, string? address, string? postcode)
    {
        if (!string.IsNullOrWhiteSpace(uprn) && byUprn.ContainsKey(uprn.Trim()))
            return uprn.Trim();
        var tokens = AddressNormalisation.Tokens(address);
        if (tokens.Count == 0)
            return null;
        if (Postcodes.Normalise(postcode) is { } normalised && byPostcode.TryGetValue(normalised, out var candidates)
            && BestInPostcode(tokens, candidates) is { } found)
            return found;
        return byKey.GetValueOrDefault(string.Join(' ', tokens));
    }

    private static string? BestInPostcode(IReadOnlyList<string> tokens, List<(GazetteerEntry Entry, IReadOnlyList<string> Tokens)> candidates)
    {
        var numbers = AddressNormalisation.Numbers(tokens);
        var words = tokens.ToHashSet(StringComparer.Ordinal);
        string? best = null;
        var bestShare = MinimumWordShare;
        foreach (var (entry, entryTokens) in candidates)
        {
            if (!AddressNormalisation.Numbers(entryTokens).SequenceEqual(numbers, StringComparer.Ordinal))
                continue;
            var share = entryTokens.Count == 0 ? 0 : entryTokens.Count(words.Contains) / (double)entryTokens.Count;
            if (share >= bestShare && (best is null || share > bestShare))
            {
                best = entry.Uprn;
                bestShare = share;
            }
        }
        return best;
    }
}
