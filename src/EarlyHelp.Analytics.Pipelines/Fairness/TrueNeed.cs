using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>
/// The synthetic city's ground truth of need (<c>family_need.csv</c> in its truth folder: per family and
/// month, a severity 0–3 for each headline problem; months without any need are not listed). A real council has no such file; with it, the audit
/// can be run a second time against what families truly needed instead of what agencies recorded, which
/// is where a recording bias shows: a group recorded more often for the same need is selected more often
/// without the need.
/// </summary>
public sealed class TrueNeed
{
    /// <summary>File name in the truth folder.</summary>
    public const string FileName = "family_need.csv";

    /// <summary>
    /// The least severity that counts as need: 3, severe, in any of the six headline problems — the families
    /// early help exists for. Milder thresholds and a single problem were tried on cities generated with and
    /// without the bias: a mild threshold leaves groups with much moderate need (deprived areas, Asian
    /// families in the synthetic city) selected "without need" even when nothing is biased, and children's
    /// welfare alone misses the other problems the model rightly reads; severe need in any problem gave
    /// false positive rate ratios near 1 for every ethnic group without the bias.
    /// </summary>
    public const int MinimumLevel = 3;

    /// <summary>The need in words.</summary>
    public static string Definition(int horizonMonths) => string.Create(CultureInfo.InvariantCulture,
        $"severe need (severity {MinimumLevel} of 3) in any of the six headline problems in a month of the {horizonMonths} months after the as-of date");

    private readonly Dictionary<long, Dictionary<int, byte[]>> levels;

    private TrueNeed(Dictionary<long, Dictionary<int, byte[]>> levels) => this.levels = levels;

    /// <summary>
    /// Reads the need of each of <paramref name="families"/> in every month listed (others are skipped while
    /// reading, so a large city's file costs little memory). Throws <see cref="BadInputException"/> for a missing or malformed file.
    /// </summary>
    public static TrueNeed Read(string truthFolder, IReadOnlySet<long> families)
    {
        ArgumentNullException.ThrowIfNull(families);
        var path = Path.Combine(truthFolder, FileName);
        if (!File.Exists(path))
            throw new BadInputException(path, "there is no true-need file here; give the truth folder 'earlyhelp generate' wrote beside the extracts");
        using var reader = new StreamReader(path);
        var header = reader.ReadLine()?.Split(',') ?? [];
        var columns = ProblemCategories.Headline.Select(p => Array.IndexOf(header, p.Code())).ToArray();
        if (header.Length < 3 || header[0] != "family_id" || header[1] != "month" || columns.Any(c => c < 0))
            throw new BadInputException(path, 1, 0, $"expected a header 'family_id,month' and a column per headline problem ({string.Join(", ", ProblemCategories.Headline.Select(p => p.Code()))})");
        var levels = new Dictionary<long, Dictionary<int, byte[]>>();
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length != header.Length
                || !long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var family)
                || !YearMonth.TryParse(fields[1], out var month))
                throw new BadInputException(path, line, 0, "expected a family id, a month YYYY-MM and a severity per problem");
            var row = new byte[columns.Length];
            for (var problem = 0; problem < columns.Length; problem++)
            {
                var column = columns[problem];
                if (!byte.TryParse(fields[column], NumberStyles.None, CultureInfo.InvariantCulture, out row[problem]) || row[problem] > 3)
                    throw new BadInputException(path, line, column + 1, $"'{fields[column]}' is not a severity 0 to 3");
            }
            if (!families.Contains(family))
                continue;
            if (!levels.TryGetValue(family, out var months))
                levels[family] = months = [];
            months[month.Ordinal] = row;
        }
        return new TrueNeed(levels);
    }

    /// <summary>
    /// Whether the family truly had need in any month of the horizon after <paramref name="asOf"/>: severity
    /// <see cref="MinimumLevel"/> in some problem in a month whose first day falls in (T, T + horizon], the
    /// window of the escalation label.
    /// </summary>
    public bool HadNeed(FamilyId family, DateOnly asOf, int horizonMonths)
    {
        var end = asOf.AddMonths(horizonMonths);
        return Months(family).Any(m => m.First > asOf && m.First <= end && m.Levels.Max() >= MinimumLevel);
    }

    /// <summary>
    /// The family's need in the <paramref name="months"/> months before T — the look-back its features see
    /// (months whose first day falls in [T − months, T)) — as a profile: the worst severity, the problems that
    /// reached moderate (2) and the problems present at all (1), each over the whole window.
    /// </summary>
    public NeedProfile Before(FamilyId family, DateOnly asOf, int months)
    {
        var start = asOf.AddMonths(-months);
        var worst = 0;
        var moderate = new bool[ProblemCategories.Headline.Count];
        var present = new bool[ProblemCategories.Headline.Count];
        foreach (var (first, row) in Months(family))
        {
            if (first < start || first >= asOf)
                continue;
            for (var problem = 0; problem < row.Length; problem++)
            {
                worst = Math.Max(worst, row[problem]);
                moderate[problem] |= row[problem] >= 2;
                present[problem] |= row[problem] >= 1;
            }
        }
        return new NeedProfile(worst, moderate.Count(m => m), present.Count(p => p));
    }

    private IEnumerable<(DateOnly First, byte[] Levels)> Months(FamilyId family) =>
        levels.TryGetValue(family.Value, out var months)
            ? months.Select(m => (YearMonth.FromOrdinal(m.Key).FirstDay, m.Value))
            : [];
}

/// <summary>A family's true need over a window: the worst severity, and how many problems were moderate or worse, and present at all.</summary>
/// <param name="Worst">Worst severity 0 to 3 in any problem and month.</param>
/// <param name="ModerateProblems">Problems that reached severity 2 or 3.</param>
/// <param name="PresentProblems">Problems that reached severity 1 or more.</param>
public readonly record struct NeedProfile(int Worst, int ModerateProblems, int PresentProblems);
