using System.Globalization;
using CsvHelper;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>
/// Cuts a city's full history into monthly deliveries, each an extract folder of its own: a delivery holds a record once
/// the agency has entered it (its date plus the dataset's reporting lag), with a blank end until the end is entered too.
/// A full-refresh file holds everything entered by the delivery's date; a changes-only file only the records new or
/// changed since the previous delivery. Writes the truth of when each record was entered beside the other truth files.
/// </summary>
internal sealed class DeliveryWriter(long seed, IReadOnlyList<DateOnly> dates)
{
    /// <summary>The truth file naming, for every agency record, when it was entered and the first delivery that holds it.</summary>
    public const string TruthFileName = "record_deliveries.csv";

    /// <summary>Columns of <see cref="TruthFileName"/>; dates are ISO, a blank first delivery means none holds the record.</summary>
    public static IReadOnlyList<string> TruthColumns { get; } = ["dataset", "record_id", "start_date", "recorded_on", "first_delivery"];

    /// <summary>Writes delivery <paramref name="index"/> of the full history in <paramref name="fullDirectory"/> to <paramref name="directory"/>; returns its files.</summary>
    public IReadOnlyList<ManifestFile> WriteDelivery(string fullDirectory, int index, string directory)
    {
        Directory.CreateDirectory(directory);
        var date = dates[index];
        DateOnly? previous = index == 0 ? null : dates[index - 1];
        var files = new List<ManifestFile>();
        foreach (var file in DeliveredFile.All)
        {
            using var output = new HashedCsvFile(Path.Combine(directory, file.Name), file.Columns, file.Dataset);
            foreach (var row in Rows(fullDirectory, file))
            {
                var now = row.At(date);
                if (now == RecordAtDelivery.NotYetRecorded)
                    continue;
                // A changes-only extract repeats nothing the previous one already said.
                if (file.Refresh == ExtractRefresh.ChangesOnly && previous is { } before && row.At(before) == now)
                    continue;
                if (now == RecordAtDelivery.Open && row.EndColumn is { } end)
                    row.Fields[end] = "";
                output.Row(row.Fields);
            }
            files.Add(output.Finish());
        }
        return files;
    }

    /// <summary>Writes <see cref="TruthFileName"/> into <paramref name="truthDirectory"/>; returns its manifest entry.</summary>
    public ManifestFile WriteTruth(string fullDirectory, string truthDirectory)
    {
        using var output = new HashedCsvFile(Path.Combine(truthDirectory, TruthFileName), TruthColumns, null);
        foreach (var file in DeliveredFile.All.Where(f => f.Dataset is not null))
        {
            foreach (var row in Rows(fullDirectory, file))
            {
                if (row.Start is not { } start)
                    continue;
                var first = RecordAvailability.FirstDelivery(start, row.LagDays, dates);
                output.Row([file.Dataset!, row.Fields[row.RecordIdColumn], Iso(start), Iso(start.AddDays(row.LagDays)), first is { } d ? Iso(d) : ""]);
            }
        }
        return output.Finish();
    }

    /// <summary>The rows of <paramref name="file"/> in the full history, each with its dates and reporting lag.</summary>
    private IEnumerable<DatedRow> Rows(string fullDirectory, DeliveredFile file)
    {
        using var stream = File.OpenRead(Path.Combine(fullDirectory, file.Name));
        using var reader = CsvReader.Create(stream, new CsvReaderOptions { Separator = ',', HasHeader = true, DetectSeparatorHint = false });
        var header = reader.Headers.ToList();
        var id = header.IndexOf(file.RecordIdColumn);
        var start = file.StartColumn is null ? -1 : header.IndexOf(file.StartColumn);
        int? end = file.EndColumn is null ? null : header.IndexOf(file.EndColumn);
        var lag = file.Dataset is null ? null : ReportingLags.For(file.Dataset);
        var datasetKey = file.Dataset is null ? 0 : StableHash(file.Dataset);
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
                fields[i] = reader.GetString(i);
            var lagDays = lag?.Draw(new RandomStream(SeedSequence.Derive(seed, (long)(datasetKey ^ StableHash(fields[id])), RandomPurpose.ReportingLag))) ?? 0;
            yield return new DatedRow(fields, id, start < 0 ? null : Date(fields[start], file.DateFormat),
                end is { } e ? Date(fields[e], file.DateFormat) : null, end, lagDays);
        }
    }

    // A blank or unreadable date (a placeholder typed by the agency) leaves the row in every delivery.
    private static DateOnly? Date(string text, string format) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>FNV-1a over the text's characters: the same on every platform and .NET version, unlike <see cref="string.GetHashCode()"/>.</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
            hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }

    /// <summary>One row of the full history with what dates it.</summary>
    private sealed record DatedRow(string[] Fields, int RecordIdColumn, DateOnly? Start, DateOnly? End, int? EndColumn, int LagDays)
    {
        /// <summary>What a delivery dated <paramref name="date"/> holds of the row; an undated row is always held as it is.</summary>
        public RecordAtDelivery At(DateOnly date) =>
            Start is { } start ? RecordAvailability.At(start, End, LagDays, date) : RecordAtDelivery.AsRecorded;
    }
}
