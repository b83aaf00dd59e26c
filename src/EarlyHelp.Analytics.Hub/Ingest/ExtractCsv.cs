using System.Globalization;
using CsvHelper;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// One CSV file of an extract, read once: CsvHelper parses it field by field (no class mapping) while
/// the bytes are hashed for the manifest check. Every fault becomes a <see cref="BadInputException"/>
/// at the physical line (1 = header) and the 1-based field number.
/// </summary>
internal sealed partial class ExtractCsv : IDisposable
{
    private readonly HashingStream stream;
    private readonly CsvReader reader;
    private readonly Queue<CsvMalformedRecord> malformed = new();
    private readonly IReadOnlyList<string> header;
    private readonly HashSet<string> pool;

    /// <summary>Bytes of the longest record read (1 MiB).</summary>
    private const int LongestRecord = 1 << 20;

    private ExtractCsv(string path, HashSet<string> pool)
    {
        Path = path;
        this.pool = pool;
        stream = new HashingStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));
        reader = CsvReader.Create(stream, new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            // A record is one line: one stray quote then cannot swallow the rest of the file.
            AllowLineBreaksInQuotes = false,
            DetectSeparatorHint = false,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = malformed.Enqueue,
            // No row of an extract comes near this; a file without line breaks is refused instead of buffered whole.
            MaxRecordSize = LongestRecord,
        }, leaveOpen: true);
        header = ReadHeader();
        if (header.Count == 0)
            throw new BadInputException(path, 1, 1, "the file is empty; expected a header line");
    }

    /// <summary>The file's path, as shown in messages.</summary>
    public string Path { get; }

    /// <summary>Data rows read so far.</summary>
    public long Rows { get; private set; }

    /// <summary>The physical line of the current record (1 is the header).</summary>
    public int Line => (int)reader.LineNumber;

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header. <paramref name="pool"/> holds the distinct text values of
    /// <see cref="PooledText"/>; share one across the files of a load, since agencies repeat each other's names and
    /// addresses. Default: a pool of this file's own.
    /// </summary>
    public static ExtractCsv Open(string path, HashSet<string>? pool = null) => new(path, pool ?? new HashSet<string>(StringComparer.Ordinal));

    /// <summary>
    /// Finds column <paramref name="name"/> in the header; a missing column is a fault at the place the
    /// declared layout <paramref name="declared"/> puts it, a repeated one at its second place.
    /// </summary>
    public CsvColumn Column(string name, IReadOnlyList<string> declared)
    {
        var index = -1;
        for (var i = 0; i < header.Count; i++)
        {
            if (!string.Equals(header[i], name, StringComparison.Ordinal))
                continue;
            if (index >= 0)
                throw new BadInputException(Path, 1, i + 1, string.Create(CultureInfo.InvariantCulture, $"column '{name}' appears twice in the header (fields {index + 1} and {i + 1})"));
            index = i;
        }
        if (index < 0)
            throw new BadInputException(Path, 1, Math.Max(1, IndexOf(declared, name) + 1), $"the header has no column '{name}'");
        return new CsvColumn(index, name);
    }

    /// <summary>Column <paramref name="name"/> when the header holds it (once), or null: for columns an older extract may lack.</summary>
    public CsvColumn? OptionalColumn(string name, IReadOnlyList<string> declared) =>
        header.Contains(name, StringComparer.Ordinal) ? Column(name, declared) : null;

    /// <summary>Moves to the next data row and checks its shape; false at the end of the file.</summary>
    public bool Read()
    {
        if (!ReadRecord())
            return false;
        Rows++;
        if (malformed.Count > 0 && malformed.Peek().LineNumber <= Line)
            throw MalformedQuoting(malformed.Dequeue());
        if (reader.FieldCount != header.Count)
        {
            throw new BadInputException(Path, Line, Math.Min(reader.FieldCount, header.Count) + 1, string.Create(CultureInfo.InvariantCulture,
                $"expected {header.Count} fields as in the header but found {reader.FieldCount}"));
        }
        return true;
    }

    /// <summary>Reads what is left of the file and returns the lower-case hex SHA-256 of its bytes.</summary>
    public string FinishHash() => stream.Finish();

    /// <summary>A fault in field <paramref name="column"/> of the current row.</summary>
    public BadInputException Fault(CsvColumn column, string reason) => new(Path, Line, column.Index + 1, reason);

    /// <inheritdoc />
    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }

    private IReadOnlyList<string> ReadHeader()
    {
        try
        {
            return reader.Headers;
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e);
        }
    }

    private bool ReadRecord()
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw Unreadable(e);
        }
    }

    private BadInputException Unreadable(CsvFormatException e) =>
        new(Path, (int)Math.Max(1, e.LineNumber), 1, string.Create(CultureInfo.InvariantCulture,
            $"malformed CSV: a record longer than {LongestRecord / 1024} KiB, or unreadable text"));

    private BadInputException MalformedQuoting(CsvMalformedRecord record)
    {
        // The field at fault is the one holding the offending byte: count the separators before it.
        var offsetInRecord = record.ByteOffset - reader.ByteOffset;
        var raw = reader.RawRecord;
        var field = offsetInRecord >= 0 && offsetInRecord <= raw.Length ? raw[..(int)offsetInRecord].Count((byte)',') + 1 : 1;
        var what = record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "text after the closing quote of a field",
            CsvMalformedReason.UnterminatedQuote => "a quoted field that is never closed",
            CsvMalformedReason.LineBreakInQuotes => "a line break inside a quoted field",
            _ => "malformed quoting",
        };
        return new BadInputException(Path, (int)record.LineNumber, field, $"malformed CSV: {what}");
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
                return i;
        }
        return -1;
    }
}

/// <summary>A column of an extract file: its 0-based field index and its name.</summary>
/// <param name="Index">Field index, from 0.</param>
/// <param name="Name">Column name, as in the header.</param>
internal readonly record struct CsvColumn(int Index, string Name);
