namespace EarlyHelp.Analytics.Linkage;

/// <summary>A postcode split into unit, sector and district keys.</summary>
/// <param name="Unit">The whole postcode, upper case, no spaces ("BS16 1QY" gives BS161QY).</param>
/// <param name="Sector">The UK sector (outward code and the inward digit, "BS16 1"), or null for a non-UK postcode.</param>
/// <param name="District">The UK district (outward code, "BS16"); for other postcodes all but the last character.</param>
internal readonly record struct PostcodeParts(string Unit, string? Sector, string? District)
{
    /// <summary>The parts of <paramref name="raw"/>, or null when it holds no letters or digits.</summary>
    public static PostcodeParts? Parse(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        Span<char> buffer = stackalloc char[Math.Min(raw.Length, 16)];
        var length = 0;
        foreach (var c in raw)
            if (char.IsLetterOrDigit(c) && length < buffer.Length)
                buffer[length++] = char.ToUpperInvariant(c);
        if (length == 0)
            return null;
        var unit = new string(buffer[..length]);
        if (IsUkShape(buffer[..length]))
        {
            var outward = unit[..^3];
            return new PostcodeParts(unit, outward + " " + unit[^3], outward);
        }
        return new PostcodeParts(unit, null, length >= 3 ? unit[..^1] : null);
    }

    // UK postcodes end in an inward code of a digit and two letters after an outward code of 2-4
    // characters starting with a letter (Royal Mail's Postcode Address File programmers' guide).
    private static bool IsUkShape(ReadOnlySpan<char> unit) =>
        unit.Length is >= 5 and <= 7 && char.IsAsciiLetter(unit[0]) && char.IsAsciiDigit(unit[^3])
        && char.IsAsciiLetter(unit[^2]) && char.IsAsciiLetter(unit[^1]);
}
