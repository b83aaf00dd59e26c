using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation.Input;

/// <summary>A column of group labels (e.g. a protected characteristic), one value per row.</summary>
/// <param name="Name">The column's name, shown in reports.</param>
/// <param name="Values">The group of each row; never empty.</param>
public sealed record GroupColumn(string Name, IReadOnlyList<string> Values);

/// <summary>A feature column for the proxy check, one value per row; NaN marks a missing value.</summary>
/// <param name="Name">The feature's name.</param>
/// <param name="Values">The feature's value in each row.</param>
public sealed record FeatureColumn(string Name, IReadOnlyList<double> Values);

/// <summary>
/// What the audit looks at: one score and one 0/1 outcome per row, the group columns, and
/// optionally (set in an object initialiser) the scores before calibration, a key that breaks ties
/// in rankings, and feature columns for the proxy check. Built in-process by the training pipeline
/// or read from a CSV by <see cref="ScoresCsvReader"/>. Checked when made; arrays are not copied.
/// </summary>
public sealed class ScoredPopulation
{
    private bool? probabilities;

    /// <summary>Checks and wraps the columns; throws <see cref="AuditInputException"/> naming the first fault.</summary>
    /// <param name="scores">The score of each row (finite; probabilities for the calibration report).</param>
    /// <param name="labels">The outcome of each row, 0 or 1.</param>
    /// <param name="groups">At least one group column.</param>
    /// <param name="scoreName">Name of the score, shown in reports.</param>
    public ScoredPopulation(double[] scores, double[] labels, IReadOnlyList<GroupColumn> groups, string scoreName = "score")
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        if (scores.Length == 0)
            throw new AuditInputException("There are no rows to audit.");
        if (labels.Length != scores.Length)
            throw new AuditInputException(Invariant($"There are {labels.Length} labels for {scores.Length} scores."));
        if (groups.Count == 0)
            throw new AuditInputException("The audit needs at least one group column.");

        for (var i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i]))
                throw new AuditInputException(Invariant($"The score of row {i + 1} is {scores[i]}; scores must be finite numbers."));
            if (labels[i] is not (0.0 or 1.0))
                throw new AuditInputException(Invariant($"The label of row {i + 1} is {labels[i]}; labels must be 0 or 1."));
        }

        foreach (var group in groups)
            CheckGroupColumn(group, scores.Length);
        if (groups.Select(g => g.Name).Distinct(StringComparer.Ordinal).Count() != groups.Count)
            throw new AuditInputException("Each group column may be given only once.");

        Scores = scores;
        Labels = labels;
        Groups = groups;
        ScoreName = scoreName;
    }

    /// <summary>Number of rows.</summary>
    public int Count => Scores.Length;

    /// <summary>The score of each row.</summary>
    public double[] Scores { get; }

    /// <summary>The 0/1 outcome of each row.</summary>
    public double[] Labels { get; }

    /// <summary>The group columns.</summary>
    public IReadOnlyList<GroupColumn> Groups { get; }

    /// <summary>Name of the score, shown in reports.</summary>
    public string ScoreName { get; }

    /// <summary>The scores before calibration, for the before/after comparison; null when not given.</summary>
    public double[]? RawScores
    {
        get;
        init
        {
            if (value is null)
            {
                field = null;
                return;
            }

            if (value.Length != Count)
                throw new AuditInputException(Invariant($"There are {value.Length} raw scores for {Count} rows."));
            for (var i = 0; i < value.Length; i++)
            {
                if (!double.IsFinite(value[i]))
                    throw new AuditInputException(Invariant($"The raw score of row {i + 1} is {value[i]}; scores must be finite numbers."));
            }

            field = value;
        }
    }

    /// <summary>Name of the raw score, shown in reports.</summary>
    public string RawScoreName { get; init; } = "raw score";

    /// <summary>Keys that order rows with equal scores in a ranking (ascending, e.g. a row id); null for file order.</summary>
    public long[]? TieKeys
    {
        get;
        init => field = value is null || value.Length == Count
            ? value
            : throw new AuditInputException(Invariant($"There are {value.Length} tie keys for {Count} rows."));
    }

    /// <summary>Feature columns for the proxy check; empty when not given.</summary>
    public IReadOnlyList<FeatureColumn> Features
    {
        get;
        init
        {
            foreach (var feature in value)
            {
                if (feature.Values.Count != Count)
                    throw new AuditInputException(Invariant($"The feature '{feature.Name}' has {feature.Values.Count} values for {Count} rows."));
            }

            field = value;
        }
    } = [];

    /// <summary>Whether every score lies in [0, 1], so that the scores can be read as probabilities.</summary>
    public bool ScoresAreProbabilities => probabilities ??= Scores.All(s => s is >= 0 and <= 1);

    private static void CheckGroupColumn(GroupColumn group, int rows)
    {
        if (group.Values.Count != rows)
            throw new AuditInputException(Invariant($"The group column '{group.Name}' has {group.Values.Count} values for {rows} rows."));
        for (var i = 0; i < group.Values.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(group.Values[i]))
                throw new AuditInputException(Invariant($"The group column '{group.Name}' is empty in row {i + 1}; every row needs a group (use a value such as 'Not known')."));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
