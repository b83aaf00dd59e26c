using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// The audit log as CSV (RFC 4180), with the hashes, so that the entries can be checked outside the app too. Values
/// are exported exactly, so the export can be verified; a text value that a spreadsheet would run as a formula (it
/// begins with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return, OWASP's list) is written instead as
/// its JSON string, which begins with a double quote and so is shown as text; a value that begins with a double quote
/// is written the same way, so that reading back is unambiguous: a field that begins with <c>"</c> is JSON-decoded.
/// </summary>
public static class AuditCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "id,at,actor,action,subject,detail,prev_hash,hash";

    /// <summary>The CSV text of <paramref name="entries"/>.</summary>
    public static string Write(IEnumerable<AuditEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var entry in entries)
            csv.Append(Row(entry));
        return csv.ToString();
    }

    /// <summary>One entry as a CSV line, with its line break.</summary>
    public static string Row(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return string.Join(',',
            entry.Id.ToString(CultureInfo.InvariantCulture), AuditEntry.FormatTime(entry.At), Field(entry.Actor), Field(entry.Action),
            Field(entry.Subject), Field(entry.Detail), entry.PreviousHash, entry.Hash) + "\r\n";
    }

    /// <summary>A text value as a CSV field: defused (see the class summary) and then quoted when it holds a comma, quote or line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '"')
            value = AuditKey.Canonical(value)[1..^1];
        return CsvText.Field(value);
    }

    /// <summary>The value a field read from the CSV stands for: the reverse of <see cref="Field"/>'s defusing.</summary>
    public static string Value(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.StartsWith('"') ? JsonSerializer.Deserialize<string>(field) ?? "" : field;
    }

    /// <summary>The entries of an export read from <paramref name="path"/>; <see cref="BadInputException"/> naming the line for a malformed one.</summary>
    public static IReadOnlyList<AuditEntry> Read(string path)
    {
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Throw,
        };
        using var reader = new StreamReader(path, Encoding.UTF8);
        using var csv = CsvReader.Create(reader, options);
        var entries = new List<AuditEntry>();
        try
        {
            csv.ReadHeader();
            if (string.Join(',', csv.Headers) != Header)
                throw new BadInputException(path, 1, 1, $"the header must be '{Header}'");
            while (csv.Read())
            {
                entries.Add(new AuditEntry(
                    long.Parse(csv.GetString(0), NumberStyles.None, CultureInfo.InvariantCulture), HubQueries.ParseTime(csv.GetString(1)),
                    Value(csv.GetString(2)), Value(csv.GetString(3)), Value(csv.GetString(4)), Value(csv.GetString(5)), csv.GetString(6), csv.GetString(7)));
            }
        }
        catch (CsvFormatException e)
        {
            throw new BadInputException(path, (int)e.LineNumber, e.FieldIndex + 1, $"not an audit log export: {e.Message}");
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            throw new BadInputException(path, (int)csv.LineNumber, 1, $"not an audit log export row: {e.Message}");
        }
        return entries;
    }
}
