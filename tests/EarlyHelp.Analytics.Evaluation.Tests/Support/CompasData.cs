using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Support;

/// <summary>
/// ProPublica's COMPAS two-year file as minimised in external/compas (7,214 rows), read field by
/// field here (it has no quoted fields) so that tests can apply ProPublica's filters themselves.
/// </summary>
public sealed class CompasData
{
    public const string RelativePath = "external/compas/compas-two-years-minimised.csv";

    private CompasData(string path, string[] header, string[][] rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
    }

    public string Path { get; }

    public string[] Header { get; }

    public string[][] Rows { get; }

    public static CompasData Load()
    {
        var path = SharedFolder.PathOf(RelativePath);
        var lines = File.ReadAllLines(path);
        return new CompasData(path, lines[0].Split(','), lines.Skip(1).Select(l => l.Split(',')).ToArray());
    }

    public string Field(string[] row, string column) => row[Array.IndexOf(Header, column)];

    /// <summary>
    /// ProPublica's filters, from the README (and their notebook): −30 ≤ days_b_screening_arrest ≤ 30
    /// (rows without a value are dropped, as R's filter drops NA), is_recid ≠ −1,
    /// c_charge_degree ≠ 'O', score_text ≠ 'N/A'.
    /// </summary>
    public string[][] ProPublicaFiltered() => Rows.Where(row =>
    {
        var days = Field(row, "days_b_screening_arrest");
        return days.Length > 0
            && double.Parse(days, CultureInfo.InvariantCulture) is >= -30 and <= 30
            && Field(row, "is_recid") != "-1"
            && Field(row, "c_charge_degree") != "O"
            && Field(row, "score_text") != "N/A";
    }).ToArray();

    /// <summary>Score decile_score (or decile_score / 10), label two_year_recid, group race.</summary>
    public ScoredPopulation Population(string[][] rows, double scoreDivisor = 1) => new(
        rows.Select(r => double.Parse(Field(r, "decile_score"), CultureInfo.InvariantCulture) / scoreDivisor).ToArray(),
        rows.Select(r => double.Parse(Field(r, "two_year_recid"), CultureInfo.InvariantCulture)).ToArray(),
        [new GroupColumn("race", rows.Select(r => Field(r, "race")).ToArray())],
        "decile_score");

    /// <summary>Whether score_text is one of <paramref name="values"/>, per row.</summary>
    public bool[] ScoreTextIn(string[][] rows, params string[] values) =>
        rows.Select(r => values.Contains(Field(r, "score_text"))).ToArray();
}
