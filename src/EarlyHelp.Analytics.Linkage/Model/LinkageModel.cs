namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// A learned Fellegi–Sunter model: per comparison level m, u and weight, the prior probability that two
/// random records are the same person (lambda), and the term-frequency tables. Immutable; estimate it
/// with <see cref="Estimate"/>, store it with <see cref="ToJson"/>.
/// </summary>
public sealed partial class LinkageModel
{
    /// <summary>The stored format's version. 1: first format.</summary>
    public const int FormatVersion = 1;

    internal LinkageModel(LinkageSettings settings, double lambda, IReadOnlyList<FieldComparison> comparisons,
        IReadOnlyDictionary<string, TermFrequencyTable> termFrequencies, TrainingSummary training)
    {
        Settings = settings;
        Lambda = lambda;
        Comparisons = comparisons;
        TermFrequencies = termFrequencies;
        Training = training;
    }

    /// <summary>The settings the model was estimated with (blocking, bands, comparison thresholds).</summary>
    public LinkageSettings Settings { get; }

    /// <summary>Prior probability that two random records (of the pairs the settings allow) are the same person.</summary>
    public double Lambda { get; }

    /// <summary>The field comparisons with their levels' m, u and weights.</summary>
    public IReadOnlyList<FieldComparison> Comparisons { get; }

    /// <summary>Term-frequency tables by comparison name (forename, surname).</summary>
    public IReadOnlyDictionary<string, TermFrequencyTable> TermFrequencies { get; }

    /// <summary>What estimation did.</summary>
    public TrainingSummary Training { get; }

    /// <summary>The prior as a match weight, log2(lambda / (1 - lambda)).</summary>
    public double PriorWeight => Math.Log2(Lambda / (1 - Lambda));

    /// <summary>The band a match probability falls in.</summary>
    public LinkageBand BandOf(double matchProbability) =>
        matchProbability >= Settings.LinkThreshold ? LinkageBand.Linked
        : matchProbability >= Settings.ReviewThreshold ? LinkageBand.ClericalReview
        : LinkageBand.NotLinked;

    /// <summary>This model with <paramref name="comparison"/> appended (group linkage's comparison, estimated after a first linkage).</summary>
    internal LinkageModel With(FieldComparison comparison) =>
        new(Settings, Lambda, [.. Comparisons, comparison], TermFrequencies, Training);

    /// <summary>Learns the model from unlabelled records: u from random pairs, m and lambda by EM over blocked pairs.</summary>
    public static LinkageModel Estimate(IReadOnlyList<LinkageRecord> records, LinkageSettings settings, int seed) =>
        EstimateModel(records, settings, seed);
}
