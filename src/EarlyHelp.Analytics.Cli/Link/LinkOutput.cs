using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Cli.Link;

/// <summary>Writes a linkage run: clusters.csv, pairs.csv, model.json and report.html.</summary>
internal static class LinkOutput
{
    /// <summary>Writes the files into <paramref name="folder"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<LinkageRecord> records, PairScoringResult scored, int[] entities,
        LinkageModel model, IReadOnlyList<string> summary)
    {
        Directory.CreateDirectory(folder);
        var clusters = Path.Combine(folder, "clusters.csv");
        var pairs = Path.Combine(folder, "pairs.csv");
        var json = Path.Combine(folder, "model.json");
        var report = Path.Combine(folder, "report.html");

        using (var writer = new StreamWriter(clusters, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("source,record,entity");
            for (var i = 0; i < records.Count; i++)
                writer.WriteLine($"{Cell(records[i].Source)},{Cell(records[i].RecordId)},{(entities[i] + 1).ToString(CultureInfo.InvariantCulture)}");
        }
        using (var writer = new StreamWriter(pairs, false, new UTF8Encoding(false)))
        {
            writer.WriteLine("source_l,record_l,source_r,record_r,match_weight,match_probability");
            foreach (var pair in scored.Pairs)
            {
                LinkageRecord left = records[pair.Left], right = records[pair.Right];
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Cell(left.Source)},{Cell(left.RecordId)},{Cell(right.Source)},{Cell(right.RecordId)},{pair.MatchWeight:0.####},{pair.MatchProbability:0.##########}"));
            }
        }
        File.WriteAllText(json, model.ToJson());
        File.WriteAllText(report, ModelReport.ToHtml(model, summary));
        return [clusters, pairs, json, report];
    }

    // RFC 4180: quote a cell holding a comma, quote or line break.
    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
