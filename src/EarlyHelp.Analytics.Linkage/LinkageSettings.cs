namespace EarlyHelp.Analytics.Linkage;

/// <summary>How records are blocked, compared, estimated and banded. Each default is documented; <see cref="Validate"/> checks them in one place.</summary>
public sealed record LinkageSettings
{
    /// <summary>The settings used when nothing else is said.</summary>
    public static LinkageSettings Default { get; } = new();

    /// <summary>Blocking rules, applied as a union. Default <see cref="BlockingRule.Defaults"/>.</summary>
    public IReadOnlyList<BlockingRule> BlockingRules { get; init; } = BlockingRule.Defaults;

    /// <summary>
    /// Rules whose pairs train m, one EM session each (Splink's estimate_parameters_using_expectation_maximisation).
    /// Default: the birth date, and the names' sounds in either order within a postcode district; between them
    /// every comparison is estimated (the second session learns the date of birth among namesakes; the district
    /// keeps a city's common names from making hundreds of millions of pairs).
    /// </summary>
    public IReadOnlyList<BlockingRule> TrainingRules { get; init; } =
    [
        new("birth date", [BlockingKey.BirthDate]),
        new("forename and surname soundex, either order + postcode district", [BlockingKey.NameSoundexes, BlockingKey.PostcodeDistrict]),
    ];

    /// <summary>
    /// Lowest match probability that links a pair. Default 0.9: a link is then at least nine times
    /// likelier right than wrong, and pairs below it but above <see cref="ReviewThreshold"/> wait for a
    /// person (Fellegi and Sunter's upper threshold).
    /// </summary>
    public double LinkThreshold { get; init; } = 0.9;

    /// <summary>
    /// Lowest match probability that sends an unlinked pair to clerical review. Default 0.1: below it a
    /// pair is at least nine times likelier different than same (Fellegi and Sunter's lower threshold).
    /// </summary>
    public double ReviewThreshold { get; init; } = 0.1;

    /// <summary>Jaro–Winkler similarity bands for names and free text, highest first. Default 0.92, 0.88, 0.70 (Splink's name comparison bands).</summary>
    public IReadOnlyList<double> JaroWinklerThresholds { get; init; } = [0.92, 0.88, 0.70];

    /// <summary>Compare only records from different sources (linking files, not deduplicating them). Default false.</summary>
    public bool AcrossSourcesOnly { get; init; }

    /// <summary>Random record pairs drawn to estimate the u probabilities. Default 1,000,000 (Splink's documented default for estimate_u_using_random_sampling).</summary>
    public int RandomPairs { get; init; } = 1_000_000;

    /// <summary>Most blocked pairs used for EM; larger candidate sets are sampled. Default 1,000,000 (EM runs over comparison patterns, so more adds time, not accuracy).</summary>
    public int MaximumTrainingPairs { get; init; } = 1_000_000;

    /// <summary>EM iterations at most. Default 200.</summary>
    public int MaximumIterations { get; init; } = 200;

    /// <summary>EM stops when no m probability moves by more than this. Default 1e-6.</summary>
    public double ConvergenceTolerance { get; init; } = 1e-6;

    /// <summary>
    /// Largest bucket a blocking rule compares in full. Default 1,500 (about 1.1 million pairs): a bigger
    /// bucket means the rule's key carries almost no information there (a placeholder date, a blank-like
    /// value), and the other rules still reach those records.
    /// </summary>
    public int MaximumBlockSize { get; init; } = 1_500;

    /// <summary>Scored pairs below this match probability are not kept (they still count as compared). Default 0.001.</summary>
    public double MinimumRetainedProbability { get; init; } = 0.001;

    /// <summary>
    /// Birth years this far apart mark a generation: two such records never join, even across sources,
    /// so a parent and a child with the same name and address stay apart. Default 12.
    /// </summary>
    public int GenerationGapYears { get; init; } = 12;

    /// <summary>
    /// Whether a link needs agreement beyond the names (a date of birth, an address or postcode, an identifier or
    /// the source's reference); a pair with names alone waits for clerical review however high its probability.
    /// Default true (see the linkage documentation, "Clustering and guards").
    /// </summary>
    public bool RequireEvidenceBeyondNames { get; init; } = true;

    /// <summary>
    /// Whether a caller that links records with related records runs <see cref="GroupLinkage"/> after the first
    /// clustering. Default true: on the Bristol-sized synthetic city it raised recall from 0.985 to 0.991 in seconds of
    /// CPU, and on the 60,000-person training test city it left the trees' AUC gap to the logistic regression within
    /// the spread that the family partition's seed alone gives (docs/linkage.md, "Group linkage").
    /// </summary>
    public bool GroupLinkage { get; init; } = true;

    /// <summary>Threads for blocking and comparison. Default: every processor.</summary>
    public int DegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Problems with the settings, each naming the option, what was expected and what arrived.</summary>
    public IEnumerable<string> Validate()
    {
        if (BlockingRules.Count == 0)
            yield return "The 'BlockingRules' option must hold at least one rule. Got none instead.";
        foreach (var rule in BlockingRules.Where(r => r.Keys.Count == 0))
            yield return $"The blocking rule '{rule.Name}' must have at least one key. Got none instead.";
        if (LinkThreshold is <= 0 or >= 1)
            yield return $"The 'LinkThreshold' option must be a probability in (0, 1). Got {LinkThreshold} instead.";
        if (ReviewThreshold <= 0 || ReviewThreshold > LinkThreshold)
            yield return $"The 'ReviewThreshold' option must be in (0, LinkThreshold]. Got {ReviewThreshold} instead.";
        if (JaroWinklerThresholds.Count == 0 || JaroWinklerThresholds.Any(t => t is <= 0 or >= 1))
            yield return "The 'JaroWinklerThresholds' option must hold similarities in (0, 1), highest first.";
        if (RandomPairs < 1000)
            yield return $"The 'RandomPairs' option must be at least 1000. Got {RandomPairs} instead.";
        if (MaximumTrainingPairs < 1000)
            yield return $"The 'MaximumTrainingPairs' option must be at least 1000. Got {MaximumTrainingPairs} instead.";
        if (MaximumIterations < 1)
            yield return $"The 'MaximumIterations' option must be at least 1. Got {MaximumIterations} instead.";
        if (MaximumBlockSize < 2)
            yield return $"The 'MaximumBlockSize' option must be at least 2. Got {MaximumBlockSize} instead.";
        if (MinimumRetainedProbability is < 0 or >= 1)
            yield return $"The 'MinimumRetainedProbability' option must be in [0, 1). Got {MinimumRetainedProbability} instead.";
        if (DegreeOfParallelism < 1)
            yield return $"The 'DegreeOfParallelism' option must be at least 1. Got {DegreeOfParallelism} instead.";
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem, if any.</summary>
    internal void EnsureValid()
    {
        var problems = Validate().ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems));
    }
}
