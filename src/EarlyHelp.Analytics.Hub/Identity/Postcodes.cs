namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// UK postcodes as typed by agencies, brought to one form: upper case, one space before the inward code
/// (its last three characters), e.g. <c>bs16qe</c> → <c>BS1 6QE</c>. The sector (<c>BS1 6</c>) and the
/// district (<c>BS1</c>) are the coarser levels that address matching and linkage compare on.
/// </summary>
public static class Postcodes
{
    /// <summary>The normalised postcode, or null when the text holds fewer than five letters and digits (no UK postcode is shorter).</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        Span<char> compact = stackalloc char[Math.Min(text.Length, 16)];
        var length = 0;
        foreach (var character in text)
        {
            if (!char.IsAsciiLetterOrDigit(character))
                continue;
            if (length == compact.Length)
                return null;
            compact[length++] = char.ToUpperInvariant(character);
        }
        // Outward code 2-4 characters + inward code 3 characters (Royal Mail Programmers' Guide).
        if (length is < 5 or > 7)
            return null;
        return string.Concat(compact[..(length - 3)], " ", compact[(length - 3)..length]);
    }

    /// <summary>The outward code of a normalised postcode (<c>BS1</c>).</summary>
    public static string District(string normalised) => normalised[..normalised.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>The sector of a normalised postcode: outward code and the inward code's digit (<c>BS1 6</c>).</summary>
    public static string Sector(string normalised) => normalised[..(normalised.IndexOf(' ', StringComparison.Ordinal) + 2)];
}
