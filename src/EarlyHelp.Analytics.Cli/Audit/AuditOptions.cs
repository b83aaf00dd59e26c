using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;

namespace EarlyHelp.Analytics.Cli.Audit;

/// <summary>The options of <c>earlyhelp audit</c>, and how a parse result becomes an <see cref="AuditRequest"/>.</summary>
internal sealed class AuditOptions
{
    private readonly Option<FileInfo> scores = new("--scores") { Description = "CSV of scored rows, with a header line.", Required = true };
    private readonly Option<string> score = new("--score") { Description = "Column holding the score (a probability for the calibration report).", Required = true };
    private readonly Option<string> label = new("--label") { Description = "Column holding the outcome, 0 or 1.", Required = true };
    private readonly Option<string> group = new("--group") { Description = "Group column(s) to audit, comma-separated (e.g. ethnicity,sex); pairs are also audited together.", Required = true };
    private readonly Option<double?> threshold = new("--threshold") { Description = "Select rows whose score is at or above this value (the default rule, at 0.5)." };
    private readonly Option<int?> topK = new("--top-k") { Description = "Select the K highest scores (a capacity of K)." };
    private readonly Option<double?> topFraction = new("--top-fraction") { Description = "Select this share of rows with the highest scores, in (0, 1]." };
    private readonly Option<string?> selectColumn = new("--select-column") { Description = "Use a yes/no selection already in the file: this column..." };
    private readonly Option<string?> selectValues = new("--select-values") { Description = "...holding any of these comma-separated values means selected (e.g. Medium,High)." };
    private readonly Option<string?> reference = new("--reference") { Description = "Reference group(s), comma-separated; a column without one is compared with its largest group." };
    private readonly Option<string?> rawScore = new("--raw-score") { Description = "Column holding the score before calibration, for the before/after calibration report." };
    private readonly Option<string?> id = new("--id") { Description = "Integer column that breaks ties in rankings (ascending); file order otherwise." };
    private readonly Option<string?> features = new("--features") { Description = "Numeric feature columns for the proxy check, comma-separated." };
    private readonly Option<InterventionKind> intervention = new("--intervention")
    {
        Description = "What selection leads to: Assistive (help; watch missed need: FNR, FOR) or Burdensome (a burden; watch FPR, FDR).",
        DefaultValueFactory = _ => InterventionKind.Assistive,
    };
    private readonly Option<int> resamples = new("--resamples") { Description = "Bootstrap resamples for the disparity intervals; 0 turns flags off.", DefaultValueFactory = _ => 1000 };
    private readonly Option<int> seed = new("--seed") { Description = "Bootstrap seed, for a reproducible report.", DefaultValueFactory = _ => 20240401 };
    private readonly Option<DirectoryInfo> output = new("--out") { Description = "Folder for fairness.json, fairness.html, calibration.json and calibration.html.", Required = true };

    public IEnumerable<Option> All =>
        [scores, score, label, group, threshold, topK, topFraction, selectColumn, selectValues, reference, rawScore, id, features, intervention, resamples, seed, output];

    public AuditRequest Read(ParseResult result)
    {
        var rule = Selection(result);
        var selectFrom = result.GetValue(selectColumn);
        return new AuditRequest(
            result.GetValue(scores)!.FullName,
            new ScoresFileLayout
            {
                ScoreColumn = result.GetValue(score)!,
                LabelColumn = result.GetValue(label)!,
                GroupColumns = List(result.GetValue(group)),
                RawScoreColumn = result.GetValue(rawScore),
                TieKeyColumn = result.GetValue(id),
                FeatureColumns = List(result.GetValue(features)),
                SelectColumn = selectFrom,
                SelectValues = List(result.GetValue(selectValues)),
            },
            rule,
            new FairnessAuditOptions
            {
                ReferenceGroups = List(result.GetValue(reference)),
                Intervention = result.GetValue(intervention),
                BootstrapResamples = result.GetValue(resamples),
                Seed = result.GetValue(seed),
            },
            result.GetValue(output)!.FullName);
    }

    /// <summary>At most one selection rule; a select column needs its values and the other way round.</summary>
    private SelectionRule? Selection(ParseResult result)
    {
        var given = new List<string>();
        if (result.GetValue(threshold) is not null) given.Add("--threshold");
        if (result.GetValue(topK) is not null) given.Add("--top-k");
        if (result.GetValue(topFraction) is not null) given.Add("--top-fraction");
        if (result.GetValue(selectColumn) is not null) given.Add("--select-column");
        if (given.Count > 1)
            throw new UsageException($"Give one selection rule, not {string.Join(" and ", given)}.");
        if ((result.GetValue(selectColumn) is null) != (result.GetValue(selectValues) is null))
            throw new UsageException("--select-column and --select-values go together.");
        if (result.GetValue(group) is { } groups && List(groups).Count == 0)
            throw new UsageException("--group needs at least one column name.");

        return result.GetValue(threshold) is { } value ? new SelectionRule.AtThreshold(value)
            : result.GetValue(topK) is { } count ? new SelectionRule.TopK(count)
            : result.GetValue(topFraction) is { } fraction ? new SelectionRule.TopFraction(fraction)
            : null;
    }

    private static IReadOnlyList<string> List(string? commaSeparated) =>
        commaSeparated is null ? [] : commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>What one <c>audit</c> call asks for.</summary>
/// <param name="ScoresFile">The CSV path.</param>
/// <param name="Layout">Which columns hold what.</param>
/// <param name="Rule">The selection rule, or null when the file's select column (or the default threshold) decides.</param>
/// <param name="Options">Audit settings other than the selection.</param>
/// <param name="OutputFolder">Where the reports go.</param>
internal sealed record AuditRequest(string ScoresFile, ScoresFileLayout Layout, SelectionRule? Rule, FairnessAuditOptions Options, string OutputFolder)
{
    /// <summary>The audit settings with the selection filled in; a bad combination is a usage error.</summary>
    public FairnessAuditOptions FairnessOptions(bool[]? selectionFlags)
    {
        var selection = Rule
            ?? (selectionFlags is null
                ? Options.Selection
                : new SelectionRule.ExistingFlag(selectionFlags, $"{Layout.SelectColumn} is {string.Join(" or ", Layout.SelectValues)}"));
        var options = Options with { Selection = selection };
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? options : throw new UsageException(string.Join(" ", problems));
    }
}
