namespace EarlyHelp.Analytics.Linkage;

/// <summary>Normalises free-text addresses so that formatting differences ("12, High St." and "12 HIGH STREET") agree.</summary>
internal static class AddressText
{
    // Common abbreviations in UK address lines, written out (Royal Mail's thoroughfare descriptors).
    private static readonly Dictionary<string, string> Expansions = new(StringComparer.Ordinal)
    {
        ["RD"] = "ROAD", ["ST"] = "STREET", ["AVE"] = "AVENUE", ["AV"] = "AVENUE", ["LN"] = "LANE",
        ["DR"] = "DRIVE", ["CT"] = "COURT", ["CRES"] = "CRESCENT", ["CL"] = "CLOSE", ["PL"] = "PLACE",
        ["SQ"] = "SQUARE", ["GDNS"] = "GARDENS", ["TER"] = "TERRACE", ["TERR"] = "TERRACE", ["GRN"] = "GREEN",
        ["PK"] = "PARK", ["WY"] = "WAY", ["HSE"] = "HOUSE", ["APT"] = "FLAT", ["APARTMENT"] = "FLAT",
        ["NTH"] = "NORTH", ["STH"] = "SOUTH", ["UPR"] = "UPPER", ["LWR"] = "LOWER",
    };

    /// <summary>Upper-case words and numbers separated by single spaces, abbreviations written out; null when empty.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        var words = new List<string>(8);
        var start = -1;
        for (var i = 0; i <= raw.Length; i++)
        {
            var inWord = i < raw.Length && char.IsLetterOrDigit(raw[i]);
            if (inWord && start < 0)
                start = i;
            else if (!inWord && start >= 0)
            {
                var word = raw[start..i].ToUpperInvariant();
                words.Add(Expansions.TryGetValue(word, out var full) ? full : word);
                start = -1;
            }
        }
        return words.Count == 0 ? null : string.Join(' ', words);
    }

    /// <summary>The distinct word hashes of a normalised address, sorted (for a token-overlap level).</summary>
    public static int[] Tokens(string normalised)
    {
        var tokens = normalised.Split(' ').Select(w => w.GetHashCode(StringComparison.Ordinal)).Distinct().ToArray();
        Array.Sort(tokens);
        return tokens;
    }

    /// <summary>Jaccard overlap of two sorted token sets.</summary>
    public static double Overlap(int[] left, int[] right)
    {
        int i = 0, j = 0, shared = 0;
        while (i < left.Length && j < right.Length)
        {
            if (left[i] == right[j]) { shared++; i++; j++; }
            else if (left[i] < right[j]) i++;
            else j++;
        }
        var union = left.Length + right.Length - shared;
        return union == 0 ? 0 : (double)shared / union;
    }
}
