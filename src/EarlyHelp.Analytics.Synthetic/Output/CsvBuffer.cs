using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// A growable UTF-8 buffer of CSV rows: comma-separated, LF line ends, a field quoted only when it
/// holds a comma, a quote or a line break (RFC 4180), numbers and dates in the invariant culture.
/// </summary>
internal sealed class CsvBuffer
{
    private byte[] bytes;
    private bool rowStarted;

    /// <summary>An empty buffer with room for <paramref name="capacity"/> bytes.</summary>
    public CsvBuffer(int capacity = 4096) => bytes = new byte[Math.Max(64, capacity)];

    /// <summary>Bytes written so far.</summary>
    public int Length { get; private set; }

    /// <summary>Complete rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The bytes written so far.</summary>
    public ReadOnlySpan<byte> Written => bytes.AsSpan(0, Length);

    /// <summary>Empties the buffer, keeping its capacity.</summary>
    public void Clear()
    {
        Length = 0;
        Rows = 0;
        rowStarted = false;
    }

    /// <summary>Writes a text field, quoting it when needed.</summary>
    public void Field(ReadOnlySpan<byte> utf8)
    {
        Separator(utf8.Length + 2);
        if (utf8.IndexOfAny((byte)',', (byte)'"', (byte)'\n') < 0 && utf8.IndexOf((byte)'\r') < 0)
        {
            utf8.CopyTo(bytes.AsSpan(Length));
            Length += utf8.Length;
            return;
        }
        Ensure(utf8.Length * 2 + 2);
        bytes[Length++] = (byte)'"';
        foreach (var b in utf8)
        {
            if (b == '"')
                bytes[Length++] = (byte)'"';
            bytes[Length++] = b;
        }
        bytes[Length++] = (byte)'"';
    }

    /// <summary>Writes a text field from a string (ASCII is copied directly, anything else encoded).</summary>
    public void Field(string text)
    {
        if (!Ascii.IsValid(text))
        {
            Field(Encoding.UTF8.GetBytes(text));
            return;
        }
        Span<byte> ascii = text.Length <= 256 ? stackalloc byte[text.Length] : new byte[text.Length];
        Ascii.FromUtf16(text, ascii, out _);
        Field(ascii);
    }

    /// <summary>Writes an integer field.</summary>
    public void Field(long value)
    {
        Separator(20);
        Utf8Formatter.TryFormat(value, bytes.AsSpan(Length), out var written);
        Length += written;
    }

    /// <summary>Writes a number with at most two decimals (e.g. 12.5, 300, 1234.57).</summary>
    public void Number(float value)
    {
        Separator(32);
        ((double)value).TryFormat(bytes.AsSpan(Length), out var written, "0.##", CultureInfo.InvariantCulture);
        Length += written;
    }

    /// <summary>Writes a date in <paramref name="format"/>.</summary>
    public void Date(int dayNumber, CompiledDateFormat format)
    {
        Separator(CompiledDateFormat.MaximumLength);
        Length += format.Write(dayNumber, bytes.AsSpan(Length));
    }

    /// <summary>Writes an empty field.</summary>
    public void Empty() => Separator(0);

    /// <summary>Ends the current row.</summary>
    public void EndRow()
    {
        Ensure(1);
        bytes[Length++] = (byte)'\n';
        rowStarted = false;
        Rows++;
    }

    /// <summary>Writes a header row (not counted as a data row).</summary>
    public void Header(IEnumerable<string> columns)
    {
        foreach (var column in columns)
            Field(column);
        EndRow();
        Rows--;
    }

    private void Separator(int room)
    {
        Ensure(room + 1);
        if (rowStarted)
            bytes[Length++] = (byte)',';
        rowStarted = true;
    }

    private void Ensure(int room)
    {
        if (Length + room <= bytes.Length)
            return;
        Array.Resize(ref bytes, Math.Max(bytes.Length * 2, Length + room));
    }
}
