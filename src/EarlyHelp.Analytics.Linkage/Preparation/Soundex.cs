namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// American Soundex (Russell and Odell's 1918 patent, as standardised by the US National Archives): the first
/// letter and three digits for the following consonant sounds, H and W not separating equal codes.
/// </summary>
internal static class Soundex
{
    // Digit per letter A..Z; 0 = vowel-like (not coded), 7 = H or W (transparent).
    private const string Codes = "01230127022455012623017202";

    /// <summary>The code packed in an int (letter * 1000 + digits), or -1 for a name without letters A–Z.</summary>
    public static int Encode(string? normalisedName)
    {
        if (string.IsNullOrEmpty(normalisedName))
            return -1;
        var first = normalisedName[0];
        if (first is < 'A' or > 'Z')
            return -1;
        var digits = 0;
        var count = 0;
        var previous = Codes[first - 'A'];
        for (var i = 1; i < normalisedName.Length && count < 3; i++)
        {
            var c = normalisedName[i];
            if (c is < 'A' or > 'Z')
                continue;
            var code = Codes[c - 'A'];
            if (code == '7')
                continue;
            if (code != '0' && code != previous)
            {
                digits = digits * 10 + (code - '0');
                count++;
            }
            previous = code;
        }
        while (count++ < 3)
            digits *= 10;
        return (first - 'A' + 1) * 1000 + digits;
    }
}
