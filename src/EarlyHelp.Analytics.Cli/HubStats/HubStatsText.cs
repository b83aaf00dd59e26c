using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Statistics;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary>The tables <c>earlyhelp hub stats</c> prints.</summary>
internal static class HubStatsText
{
    /// <summary>
    /// Writes rows per table and dataset, then (with <paramref name="coverage"/>) whom each dataset's source covers,
    /// then the realism figures.
    /// </summary>
    public static void Write(TextWriter output, HubStatistics statistics, bool coverage = true)
    {
        var extract = statistics.ExtractDate is { } date ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "none loaded yet";
        output.WriteLine($"Hub {statistics.Hub}: schema version {statistics.SchemaVersion}, extract date {extract}");
        output.WriteLine();

        WriteCounts(output, "table", statistics.Counts.Tables);
        WriteCounts(output, "dataset", statistics.Counts.Datasets);
        if (coverage)
            WriteCoverage(output, statistics.Counts.Datasets.Select(pair => pair.Key));
        LinkageFiguresText.Write(output, statistics.Linkage);

        if (statistics.Realism is not { } realism)
        {
            output.WriteLine("Realism figures: none until an extract is loaded ('earlyhelp ingest').");
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Realism at {realism.AsOf:yyyy-MM-dd}: {realism.Residents:N0} residents, {realism.Children:N0} children (0-17), {realism.ChildrenAged5To15:N0} aged 5-15, {realism.HouseholdsWithWorkingAgeResident:N0} households with a resident aged 16-64"));
        var figures = new TextTable("figure", "value", "target", "tolerance", "accepted range", "within");
        foreach (var figure in realism.Figures)
        {
            var target = figure.Target;
            figures.Add(target.Name, figure.Value is { } value ? Figure(value) : "n/a", Figure(target.Target), target.Tolerance,
                $"{Figure(target.Low)} to {Figure(target.High)}", figure.IsWithin ? "yes" : "NO");
        }
        figures.WriteTo(output);
        output.WriteLine();
        foreach (var target in RealismTarget.All)
            output.WriteLine($"{target.Name}: {target.Meaning}.");
    }

    private static void WriteCounts(TextWriter output, string heading, IEnumerable<KeyValuePair<string, long>> counts)
    {
        var table = new TextTable(heading, "rows");
        foreach (var (name, rows) in counts)
            table.Add(name, Number(rows));
        table.WriteTo(output);
        output.WriteLine();
    }

    /// <summary>Whom each dataset's source covers: a family with no record is "no record" only where the source covers it.</summary>
    private static void WriteCoverage(TextWriter output, IEnumerable<string> codes)
    {
        output.WriteLine($"Whom each source covers (catalogue: {DatasetCatalogue.Source}, sha256 {DatasetCatalogue.Fingerprint[..12]}…):");
        foreach (var code in codes)
            output.WriteLine($"  {code}: {(DatasetCatalogue.TryGet(code, out var dataset) ? dataset.Coverage.Statement : "not in the catalogue in use")}");
        output.WriteLine();
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Three significant figures for shares, one decimal for rates.</summary>
    private static string Figure(double value) =>
        value.ToString(Math.Abs(value) < 1 ? "0.000" : "0.0", CultureInfo.InvariantCulture);
}
