using EarlyHelp.Analytics.Features.Tables;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>What rows of the stacked table serve: each labelled role takes one partition's families at its dates only.</summary>
public enum RowRole
{
    /// <summary>Training partition at the training dates.</summary>
    Training,

    /// <summary>Validation partition at the training dates and the calibration date: stops the boosting.</summary>
    Validation,

    /// <summary>Calibration partition at the calibration date: fits the calibrators.</summary>
    Calibration,

    /// <summary>Test partition at the test date: judges the model.</summary>
    Test,

    /// <summary>
    /// Test partition at the training dates: families the model never saw, in the period it was trained
    /// on. Compared with <see cref="Test"/>, it shows how much the model loses moving forward in time;
    /// a large loss is the mark of a feature that knew the future.
    /// </summary>
    InPeriodCheck,

    /// <summary>Every eligible family at the scoring date: unlabelled, compared with the training rows for drift.</summary>
    Scoring,
}

/// <summary>The rows of a stacked feature table for each <see cref="RowRole"/>, in table order.</summary>
public sealed class DataSplit
{
    private readonly Dictionary<RowRole, int[]> rows;
    private readonly Dictionary<RowRole, int[]> helped;

    private DataSplit(Dictionary<RowRole, int[]> rows, Dictionary<RowRole, int[]> helped)
    {
        this.rows = rows;
        this.helped = helped;
    }

    /// <summary>The rows of <paramref name="role"/>, ascending.</summary>
    public IReadOnlyList<int> Rows(RowRole role) => rows[role];

    /// <summary>
    /// The rows left out of <paramref name="role"/> because their outcome window holds an offer of early help
    /// (<see cref="FeedbackExclusion"/>); only the roles the model learns from lose rows.
    /// </summary>
    public IReadOnlyList<int> ExcludedAsHelped(RowRole role) => helped[role];

    /// <summary>The roles whose rows the model is fitted, stopped or calibrated on, from which helped families' rows are excluded.</summary>
    public static IReadOnlyList<RowRole> LearningRoles { get; } = [RowRole.Training, RowRole.Validation, RowRole.Calibration];

    /// <summary>
    /// Splits <paramref name="table"/> by date and by the partition of each family's group (families sharing people go together),
    /// leaving out of the learning roles the rows <paramref name="feedback"/> excludes (none when null).
    /// </summary>
    /// <exception cref="InvalidOperationException">A labelled role holds a row whose label is not observed (the schedule is wrong for the table).</exception>
    public static DataSplit Of(FeatureTable table, AsOfSchedule schedule, ConnectedFamilies groups, int seed, PartitionShares shares,
        FeedbackExclusion? feedback = null)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(groups);
        feedback ??= FeedbackExclusion.None;
        var training = schedule.TrainingDates.ToHashSet();
        var lists = Enum.GetValues<RowRole>().ToDictionary(role => role, _ => new List<int>());
        var excluded = Enum.GetValues<RowRole>().ToDictionary(role => role, _ => new List<int>());
        for (var row = 0; row < table.RowCount; row++)
        {
            var date = table.AsOfDates[row];
            if (date == schedule.ScoringDate)
                lists[RowRole.Scoring].Add(row);
            var partition = groups.PartitionOf(table.Families[row], seed, shares);
            RowRole? role = (partition, date) switch
            {
                (Partition.Training, _) when training.Contains(date) => RowRole.Training,
                (Partition.Test, _) when training.Contains(date) => RowRole.InPeriodCheck,
                (Partition.Validation, _) when training.Contains(date) || date == schedule.CalibrationDate => RowRole.Validation,
                (Partition.Calibration, _) when date == schedule.CalibrationDate => RowRole.Calibration,
                (Partition.Test, _) when date == schedule.TestDate => RowRole.Test,
                _ => null,
            };
            if (role is not { } labelled)
                continue;
            if (!table.IsLabelObserved(row))
                throw new InvalidOperationException($"Row {row} ({table.AsOfDates[row]:yyyy-MM-dd}) has no observed label but serves {labelled}.");
            var helped = LearningRoles.Contains(labelled) && feedback.Excludes(table.Families[row], date);
            (helped ? excluded : lists)[labelled].Add(row);
        }
        return new DataSplit(lists.ToDictionary(p => p.Key, p => p.Value.ToArray()), excluded.ToDictionary(p => p.Key, p => p.Value.ToArray()));
    }
}
