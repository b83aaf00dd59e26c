using System.Globalization;
using System.Text.Json;

namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// The scikit-learn 1.2.1 reference in <c>reference/metrics</c>: <c>scores.csv</c> (id, label,
/// score, group) and the values in <c>expected.json</c>.
/// </summary>
public sealed class MetricsReference
{
    /// <summary>The scores file, relative to the shared folder.</summary>
    public const string ScoresFile = "reference/metrics/scores.csv";

    /// <summary>The expected values, relative to the shared folder.</summary>
    public const string ExpectedFile = "reference/metrics/expected.json";

    private MetricsReference(long[] ids, double[] labels, double[] scores, string[] groups, JsonElement expected)
    {
        Ids = ids;
        Labels = labels;
        Scores = scores;
        Groups = groups;
        Expected = expected;
    }

    public long[] Ids { get; }

    public double[] Labels { get; }

    public double[] Scores { get; }

    public string[] Groups { get; }

    public JsonElement Expected { get; }

    /// <summary>Loads the reference; fails the test when it is absent.</summary>
    public static MetricsReference Load()
    {
        var scoresPath = SharedFolder.PathOf(ScoresFile);
        var expectedPath = SharedFolder.PathOf(ExpectedFile);

        var rows = System.IO.File.ReadLines(scoresPath).Skip(1).Select(line => line.Split(',')).ToArray();
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(expectedPath));
        return new MetricsReference(
            rows.Select(r => long.Parse(r[0], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => double.Parse(r[2], CultureInfo.InvariantCulture)).ToArray(),
            rows.Select(r => r[3]).ToArray(),
            document.RootElement.Clone());
    }

    /// <summary>Rows of one group, in file order.</summary>
    public (double[] Labels, double[] Scores) Group(string group)
    {
        var rows = Enumerable.Range(0, Groups.Length).Where(i => Groups[i] == group).ToArray();
        return (rows.Select(i => Labels[i]).ToArray(), rows.Select(i => Scores[i]).ToArray());
    }

    /// <summary>An array of numbers at a path of property names in expected.json.</summary>
    public double[] Numbers(params string[] path) =>
        Element(path).EnumerateArray().Select(e => e.GetDouble()).ToArray();

    /// <summary>One number at a path of property names in expected.json.</summary>
    public double Number(params string[] path) => Element(path).GetDouble();

    private JsonElement Element(string[] path) =>
        path.Aggregate(Expected, (element, name) => element.GetProperty(name));
}
