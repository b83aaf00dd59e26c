namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>
/// ISO <c>YYYY-MM-DD</c> dates as UTF-8 bytes, written and read without strings: the event table holds
/// millions of them and the hub's own text is always well-formed.
/// </summary>
internal static class IsoDate
{
    /// <summary>Bytes of an ISO date.</summary>
    public const int Length = 10;

    /// <summary>Writes <paramref name="date"/> into the first ten bytes of <paramref name="destination"/>.</summary>
    public static void Write(DateOnly date, Span<byte> destination)
    {
        WriteDigits(date.Year, destination[..4]);
        destination[4] = (byte)'-';
        WriteDigits(date.Month, destination.Slice(5, 2));
        destination[7] = (byte)'-';
        WriteDigits(date.Day, destination.Slice(8, 2));
    }

    /// <summary>Reads an ISO date written by <see cref="Write"/>; throws <see cref="FormatException"/> for anything else.</summary>
    public static DateOnly Read(ReadOnlySpan<byte> text)
    {
        if (text.Length != Length || text[4] != '-' || text[7] != '-')
            throw new FormatException($"'{System.Text.Encoding.UTF8.GetString(text)}' is not an ISO date.");
        return new DateOnly(ReadDigits(text[..4]), ReadDigits(text.Slice(5, 2)), ReadDigits(text.Slice(8, 2)));
    }

    private static void WriteDigits(int value, Span<byte> destination)
    {
        for (var i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static int ReadDigits(ReadOnlySpan<byte> digits)
    {
        var value = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9')
                throw new FormatException("An ISO date holds a character that is not a digit.");
            value = value * 10 + (digit - '0');
        }
        return value;
    }
}
