using System.Globalization;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Learning.Metrics;

namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>Which rows count as selected (predicted positive): the cut the audit judges.</summary>
public abstract record SelectionRule
{
    private SelectionRule()
    {
    }

    /// <summary>Short machine name: <c>threshold</c>, <c>top_k</c>, <c>top_fraction</c> or <c>column</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The rule in words, for reports.</summary>
    public abstract string Describe(string scoreName);

    /// <summary>Whether the selection depends on the ranking of all rows (so a resample must re-rank).</summary>
    internal virtual bool IsRanked => false;

    /// <summary>The number selected out of <paramref name="rowCount"/> for a ranked rule.</summary>
    internal virtual long CountFor(long rowCount) => throw new InvalidOperationException($"The '{Kind}' rule is not ranked.");

    /// <summary>The selection flag of every row.</summary>
    internal abstract bool[] Select(ScoredPopulation population, int[] descending);

    /// <summary>Rows scoring at or above <paramref name="Value"/> are selected.</summary>
    /// <param name="Value">The threshold.</param>
    public sealed record AtThreshold(double Value) : SelectionRule
    {
        /// <inheritdoc />
        public override string Kind => "threshold";

        /// <inheritdoc />
        public override string Describe(string scoreName) =>
            string.Create(CultureInfo.InvariantCulture, $"{scoreName} at or above {Value:0.####}");

        internal override bool[] Select(ScoredPopulation population, int[] descending) =>
            BinaryMetrics.SelectAtThreshold(population.Scores, Value);
    }

    /// <summary>The <paramref name="Count"/> highest-scoring rows are selected (a capacity of K).</summary>
    /// <param name="Count">K, the capacity.</param>
    public sealed record TopK(int Count) : SelectionRule
    {
        /// <inheritdoc />
        public override string Kind => "top_k";

        /// <inheritdoc />
        public override string Describe(string scoreName) =>
            string.Create(CultureInfo.InvariantCulture, $"the {Count:N0} highest {scoreName} values (ties broken by the tie key, then file order)");

        internal override bool IsRanked => true;

        internal override long CountFor(long rowCount) => Math.Min(Count, rowCount);

        internal override bool[] Select(ScoredPopulation population, int[] descending) => SelectFirst(descending, (int)CountFor(descending.Length));
    }

    /// <summary>The highest-scoring share <paramref name="Fraction"/> of rows is selected (K = round(fraction · n)).</summary>
    /// <param name="Fraction">The share selected, in (0, 1].</param>
    public sealed record TopFraction(double Fraction) : SelectionRule
    {
        /// <inheritdoc />
        public override string Kind => "top_fraction";

        /// <inheritdoc />
        public override string Describe(string scoreName) =>
            string.Create(CultureInfo.InvariantCulture, $"the highest {Fraction:0.##%} of {scoreName} values");

        internal override bool IsRanked => true;

        internal override long CountFor(long rowCount) => (long)Math.Round(Fraction * rowCount, MidpointRounding.AwayFromZero);

        internal override bool[] Select(ScoredPopulation population, int[] descending) => SelectFirst(descending, (int)CountFor(descending.Length));
    }

    /// <summary>A yes/no selection made elsewhere, one flag per row (e.g. a "Medium/High" band).</summary>
    /// <param name="Flags">Whether each row is selected.</param>
    /// <param name="Description">What the flag means, in words (e.g. "score_text is Medium or High").</param>
    public sealed record ExistingFlag(IReadOnlyList<bool> Flags, string Description) : SelectionRule
    {
        /// <inheritdoc />
        public override string Kind => "column";

        /// <inheritdoc />
        public override string Describe(string scoreName) => Description;

        internal override bool[] Select(ScoredPopulation population, int[] descending) =>
            Flags.Count == population.Count
                ? [.. Flags]
                : throw new AuditInputException($"The selection has {Flags.Count} flags for {population.Count} rows.");
    }

    private static bool[] SelectFirst(int[] descending, int count)
    {
        var selected = new bool[descending.Length];
        for (var i = 0; i < count; i++)
            selected[descending[i]] = true;
        return selected;
    }
}
