namespace EarlyHelp.Analytics.Linkage;

/// <summary>One level of a field's comparison with its learned probabilities.</summary>
/// <param name="Label">What the level means, such as "Jaro-Winkler >= 0.92".</param>
/// <param name="M">P(this level | the records are the same person), learned by EM.</param>
/// <param name="U">P(this level | the records are different people), from random pairs.</param>
/// <param name="TermFrequencyAdjusted">Whether scoring replaces <see cref="U"/> by the agreed value's frequency (Splink's term-frequency adjustment).</param>
public sealed record ComparisonLevel(string Label, double M, double U, bool TermFrequencyAdjusted)
{
    /// <summary>The level's match weight, log2(m / u) (Fellegi and Sunter 1969, in bits as Splink reports it).</summary>
    public double Weight => Math.Log2(M / U);
}

/// <summary>A field's comparison: its levels from most to least agreeing, the last being "else".</summary>
/// <param name="Name">The comparison's name, such as "forename", "birth_date" or "other:suburb".</param>
/// <param name="Levels">The levels, most agreeing first.</param>
public sealed record FieldComparison(string Name, IReadOnlyList<ComparisonLevel> Levels);

/// <summary>Frequencies of a field's values, for the term-frequency adjustment of its exact-match level.</summary>
/// <param name="Frequencies">Share of records with a value holding each normalised value.</param>
/// <param name="Unseen">Frequency used for a value absent from the table: one record's share.</param>
public sealed record TermFrequencyTable(IReadOnlyDictionary<string, double> Frequencies, double Unseen)
{
    /// <summary>The frequency of <paramref name="value"/> (normalised), or <see cref="Unseen"/>.</summary>
    public double Of(string value) => Frequencies.TryGetValue(value, out var f) ? f : Unseen;
}

/// <summary>What estimation did: pairs seen and how EM ended.</summary>
/// <param name="Records">Records the model was estimated on.</param>
/// <param name="CandidatePairs">Pairs the blocking rules produced.</param>
/// <param name="TrainingPairs">Candidate pairs EM used (all, or a sample of <see cref="LinkageSettings.MaximumTrainingPairs"/>).</param>
/// <param name="RandomPairs">Random pairs drawn for the u probabilities.</param>
/// <param name="Iterations">EM iterations run.</param>
/// <param name="Converged">Whether EM stopped by the tolerance rather than the iteration limit.</param>
/// <param name="BlockedMatchShare">EM's share of matches among the training pairs.</param>
public sealed record TrainingSummary(int Records, long CandidatePairs, long TrainingPairs, int RandomPairs, int Iterations, bool Converged, double BlockedMatchShare);
