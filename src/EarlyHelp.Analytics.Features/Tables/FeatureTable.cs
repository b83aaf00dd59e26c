using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.Building;
using EarlyHelp.Analytics.Features.Catalogue;

namespace EarlyHelp.Analytics.Features.Tables;

/// <summary>
/// Feature rows keyed by family and as-of date, held column by column: one row per eligible family
/// per as-of date, sorted by (as-of date, family id), so that training can split by time and by
/// family. Missing values and unobserved labels are NaN.
/// </summary>
public sealed class FeatureTable
{
    private readonly float[][] columns;
    private readonly FamilyId[] families;
    private readonly DateOnly[] asOfDates;
    private readonly float[] labels;

    internal FeatureTable(FamilyId[] families, DateOnly[] asOfDates, float[][] columns, float[] labels,
        int horizonMonths, IReadOnlyList<SnapshotSummary> snapshots)
    {
        this.families = families;
        this.asOfDates = asOfDates;
        this.columns = columns;
        this.labels = labels;
        HorizonMonths = horizonMonths;
        Snapshots = snapshots;
    }

    /// <summary>The features, in column order.</summary>
    public IReadOnlyList<FeatureDefinition> Features => FeatureCatalogue.All;

    /// <summary>The feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames => FeatureCatalogue.Names;

    /// <summary>Number of rows.</summary>
    public int RowCount => families.Length;

    /// <summary>Number of feature columns.</summary>
    public int FeatureCount => columns.Length;

    /// <summary>Months after T in which an escalation counts for the labels.</summary>
    public int HorizonMonths { get; }

    /// <summary>The family of each row.</summary>
    public IReadOnlyList<FamilyId> Families => families;

    /// <summary>The as-of date of each row.</summary>
    public IReadOnlyList<DateOnly> AsOfDates => asOfDates;

    /// <summary>The label of each row: 1 escalated, 0 not, NaN when the horizon is not fully observed.</summary>
    public IReadOnlyList<float> Labels => labels;

    /// <summary>Per as-of date: families considered, eligible, excluded by reason, labelled and escalated.</summary>
    public IReadOnlyList<SnapshotSummary> Snapshots { get; }

    /// <summary>One feature's values, row by row.</summary>
    public ReadOnlySpan<float> Column(int feature) => columns[feature];

    /// <summary>One feature's values by name; throws when there is no such feature.</summary>
    public ReadOnlySpan<float> Column(string name) =>
        FeatureCatalogue.IndexOf(name) is var feature and >= 0 ? columns[feature] : throw new KeyNotFoundException($"Unknown feature '{name}'.");

    /// <summary>The value at a row and feature (NaN when missing).</summary>
    public float this[int row, int feature] => columns[feature][row];

    /// <summary>True when the row's label horizon is fully observed.</summary>
    public bool IsLabelObserved(int row) => !float.IsNaN(labels[row]);

    /// <summary>
    /// All values row after row (<c>RowCount × FeatureCount</c>), the layout the learning engine's
    /// dense dataset wraps together with <see cref="FeatureNames"/> and <see cref="Labels"/>.
    /// </summary>
    public float[] ToRowMajor()
    {
        var width = FeatureCount;
        var values = new float[RowCount * width];
        for (var feature = 0; feature < width; feature++)
        {
            var column = columns[feature];
            for (var row = 0; row < column.Length; row++)
                values[row * width + feature] = column[row];
        }
        return values;
    }

    /// <summary>The rows whose label horizon is fully observed, in order: the rows training may use.</summary>
    public int[] ObservedRows()
    {
        var rows = new List<int>(RowCount);
        for (var row = 0; row < RowCount; row++)
        {
            if (IsLabelObserved(row))
                rows.Add(row);
        }
        return rows.ToArray();
    }

    /// <summary>The labels as a new array, for the learning engine.</summary>
    public float[] LabelArray() => (float[])labels.Clone();
}

/// <summary>What happened to the families at one as-of date.</summary>
/// <param name="AsOf">The as-of date.</param>
/// <param name="Families">Families in the hub.</param>
/// <param name="Eligible">Families given a row.</param>
/// <param name="Exclusions">Families excluded, by reason (every reason present, zero when none).</param>
/// <param name="Labelled">Rows whose label horizon is fully observed.</param>
/// <param name="Escalated">Labelled rows that escalated.</param>
public sealed record SnapshotSummary(
    DateOnly AsOf, int Families, int Eligible, IReadOnlyDictionary<ExclusionReason, int> Exclusions, int Labelled, int Escalated);
