namespace EarlyHelp.Analytics.Evaluation.Input;

/// <summary>Which columns of a scores CSV hold what the audit needs.</summary>
public sealed record ScoresFileLayout
{
    /// <summary>The score column (the calibrated probability, or any score for the fairness audit).</summary>
    public required string ScoreColumn { get; init; }

    /// <summary>The outcome column, 0 or 1.</summary>
    public required string LabelColumn { get; init; }

    /// <summary>One or more group columns (protected characteristics).</summary>
    public required IReadOnlyList<string> GroupColumns { get; init; }

    /// <summary>The score before calibration, for the before/after calibration report; optional.</summary>
    public string? RawScoreColumn { get; init; }

    /// <summary>An integer column that breaks ties in rankings (ascending), e.g. a row id; optional (file order otherwise).</summary>
    public string? TieKeyColumn { get; init; }

    /// <summary>Numeric feature columns for the proxy check; empty cells are missing values.</summary>
    public IReadOnlyList<string> FeatureColumns { get; init; } = [];

    /// <summary>A yes/no selection already in the file (e.g. a risk band); optional.</summary>
    public string? SelectColumn { get; init; }

    /// <summary>The values of <see cref="SelectColumn"/> that mean "selected" (e.g. Medium, High).</summary>
    public IReadOnlyList<string> SelectValues { get; init; } = [];
}

/// <summary>A scores file read into a population, with the selection flags when the layout names a select column.</summary>
/// <param name="Population">The rows, checked.</param>
/// <param name="SelectionFlags">For each row, whether the select column holds a selected value; null without a select column.</param>
public sealed record ScoresFile(ScoredPopulation Population, bool[]? SelectionFlags);
