namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// An agency's date format (a .NET custom format string such as <c>dd/MM/yyyy</c> or
/// <c>dd-MMM-yyyy</c>) compiled once into parts, so that millions of dates are written as UTF-8
/// without allocating. Supports <c>yyyy</c>, <c>MM</c>, <c>MMM</c>, <c>dd</c> and literal characters,
/// which covers every format in the dataset catalogue; anything else is refused when compiled.
/// </summary>
internal sealed class CompiledDateFormat
{
    private static readonly byte[][] MonthNames =
        ["Jan"u8.ToArray(), "Feb"u8.ToArray(), "Mar"u8.ToArray(), "Apr"u8.ToArray(), "May"u8.ToArray(), "Jun"u8.ToArray(),
         "Jul"u8.ToArray(), "Aug"u8.ToArray(), "Sep"u8.ToArray(), "Oct"u8.ToArray(), "Nov"u8.ToArray(), "Dec"u8.ToArray()];

    private readonly Part[] parts;

    private CompiledDateFormat(Part[] parts) => this.parts = parts;

    /// <summary>The longest output of any supported format, in bytes.</summary>
    public const int MaximumLength = 32;

    private enum Kind : byte { Year, Month, MonthName, Day, Literal }

    private readonly record struct Part(Kind Kind, byte Literal);

    /// <summary>Compiles <paramref name="format"/>; throws for a pattern it does not support.</summary>
    public static CompiledDateFormat Compile(string format)
    {
        var parts = new List<Part>();
        var i = 0;
        while (i < format.Length)
        {
            if (Matches(format, i, "yyyy")) { parts.Add(new Part(Kind.Year, 0)); i += 4; }
            else if (Matches(format, i, "MMM")) { parts.Add(new Part(Kind.MonthName, 0)); i += 3; }
            else if (Matches(format, i, "MM")) { parts.Add(new Part(Kind.Month, 0)); i += 2; }
            else if (Matches(format, i, "dd")) { parts.Add(new Part(Kind.Day, 0)); i += 2; }
            else if (char.IsLetter(format[i]) || format[i] > 127)
                throw new ArgumentException($"The date format '{format}' uses '{format[i]}', which the generator does not write.", nameof(format));
            else { parts.Add(new Part(Kind.Literal, (byte)format[i])); i++; }
        }
        return new CompiledDateFormat(parts.ToArray());
    }

    /// <summary>Writes the date with day number <paramref name="dayNumber"/> into <paramref name="destination"/>; returns the bytes written.</summary>
    public int Write(int dayNumber, Span<byte> destination)
    {
        DateOnly.FromDayNumber(dayNumber).Deconstruct(out var year, out var month, out var day);
        var at = 0;
        foreach (var part in parts)
        {
            switch (part.Kind)
            {
                case Kind.Year:
                    destination[at++] = (byte)('0' + year / 1000);
                    destination[at++] = (byte)('0' + year / 100 % 10);
                    destination[at++] = (byte)('0' + year / 10 % 10);
                    destination[at++] = (byte)('0' + year % 10);
                    break;
                case Kind.Month:
                    destination[at++] = (byte)('0' + month / 10);
                    destination[at++] = (byte)('0' + month % 10);
                    break;
                case Kind.MonthName:
                    MonthNames[month - 1].CopyTo(destination[at..]);
                    at += 3;
                    break;
                case Kind.Day:
                    destination[at++] = (byte)('0' + day / 10);
                    destination[at++] = (byte)('0' + day % 10);
                    break;
                default:
                    destination[at++] = part.Literal;
                    break;
            }
        }
        return at;
    }

    private static bool Matches(string format, int at, string token) =>
        string.CompareOrdinal(format, at, token, 0, token.Length) == 0 && (at + token.Length == format.Length || format[at + token.Length] != token[0]);
}
