using System.Text;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Addresses as typed brought to comparable tokens: upper case, punctuation dropped, common street-type
/// abbreviations expanded (<c>Rd</c> → <c>ROAD</c>, <c>St</c> → <c>STREET</c>), and the flat or house
/// numbers kept apart from the words. The abbreviations are the ones Royal Mail's and the LLPG's
/// (BS 7666) street descriptors use.
/// </summary>
public static class AddressNormalisation
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["RD"] = "ROAD", ["ST"] = "STREET", ["AVE"] = "AVENUE", ["AV"] = "AVENUE", ["CL"] = "CLOSE", ["DR"] = "DRIVE",
        ["LN"] = "LANE", ["CRES"] = "CRESCENT", ["CR"] = "CRESCENT", ["GDNS"] = "GARDENS", ["GRN"] = "GREEN", ["PL"] = "PLACE",
        ["CT"] = "COURT", ["TER"] = "TERRACE", ["TERR"] = "TERRACE", ["SQ"] = "SQUARE", ["GR"] = "GROVE", ["GRV"] = "GROVE",
        ["PK"] = "PARK", ["HSE"] = "HOUSE", ["APT"] = "FLAT", ["APARTMENT"] = "FLAT", ["WK"] = "WALK", ["MT"] = "MOUNT",
    };

    /// <summary>The address's tokens: words expanded, numbers as written (<c>12A</c> stays <c>12A</c>).</summary>
    public static IReadOnlyList<string> Tokens(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
            return [];
        var tokens = new List<string>();
        var current = new StringBuilder();
        void Flush()
        {
            if (current.Length == 0)
                return;
            var token = current.ToString();
            tokens.Add(Abbreviations.GetValueOrDefault(token, token));
            current.Clear();
        }

        foreach (var character in address)
        {
            if (char.IsLetterOrDigit(character))
                current.Append(char.ToUpperInvariant(character));
            else if (character != '\'')
                Flush();
        }
        Flush();
        return tokens;
    }

    /// <summary>The tokens that hold a digit: flat and house numbers, which must agree for two addresses to be one.</summary>
    public static IReadOnlyList<string> Numbers(IReadOnlyList<string> tokens) => tokens.Where(token => token.Any(char.IsAsciiDigit)).ToArray();

    /// <summary>One string per address, for exact look-up: the tokens joined by single spaces.</summary>
    public static string Key(string? address) => string.Join(' ', Tokens(address));
}
