using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Training;
using EarlyHelp.Analytics.Pipelines.Comparison;

namespace EarlyHelp.Analytics.Cli.Models;

/// <summary>What <c>earlyhelp models compare</c> prints.</summary>
internal static class ComparisonText
{
    /// <summary>Writes the comparison.</summary>
    public static void Write(TextWriter output, ModelComparisonReport report)
    {
        output.WriteLine(Invariant($"{report.Second} against {report.First} on {report.TestPeriodOf}'s test families of {report.TestDate:yyyy-MM-dd}: {report.Test.Rows:N0} families, {report.Test.Positives:N0} escalated, K = {report.Test.Capacity:N0}."));
        foreach (var warning in report.Warnings)
            output.WriteLine("Note: " + warning);
        output.WriteLine();
        var difference = report.Test.Differences[0];
        MetricTable.Write(output, [.. report.Test.Scorers.Select(s => (s.Scorer, s.Metrics, false)), ($"{report.Second} - {report.First}", difference.Differences, true)]);
        output.WriteLine();

        output.WriteLine($"Fairness on these families (selection: the top K), {report.First} then {report.Second}:");
        var groups = new TextTable("dimension", "group", "families", "selection rate A", "selection rate B", "missed (FNR) A", "missed (FNR) B", "AUC A", "AUC B");
        foreach (var change in report.Groups)
            groups.Add(change.Dimension, change.Group, Invariant($"{change.Families:N0}"), Percent(change.First.SelectionRate), Percent(change.Second.SelectionRate),
                Percent(change.First.FalseNegativeRate), Percent(change.Second.FalseNegativeRate), Number(change.First.Auc), Number(change.Second.Auc));
        groups.WriteTo(output);
        output.WriteLine($"Flags only under {report.First}: {List(report.FirstFlags.Except(report.SecondFlags))}");
        output.WriteLine($"Flags only under {report.Second}: {List(report.SecondFlags.Except(report.FirstFlags))}");
        output.WriteLine($"Flags under both: {List(report.FirstFlags.Intersect(report.SecondFlags))}");
        output.WriteLine();

        output.WriteLine("Drift (training rows against the population at each model's as-of date):");
        var drift = new TextTable("model", "score PSI", "reading", "least stable features");
        foreach (var side in report.Drift)
            drift.Add(side.Model, Number(side.Report.Score.Index), side.Report.Score.Level,
                string.Join(", ", side.Report.Features.Take(3).Select(f => Invariant($"{f.Name} {f.Index:0.00}"))));
        drift.WriteTo(output);
    }

    private static string List(IEnumerable<string> flags)
    {
        var list = flags.ToArray();
        return list.Length == 0 ? "none" : string.Join(", ", list);
    }

    private static string Percent(double value) => double.IsFinite(value) ? value.ToString("0.0%", CultureInfo.InvariantCulture) : "-";

    private static string Number(double value) => double.IsFinite(value) ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
