using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Evaluation.Tests.Support;

/// <summary>reference/metrics/scores.csv as an audit population: score, label, group, and the id as tie key.</summary>
public static class ReferencePopulation
{
    public static ScoredPopulation From(MetricsReference reference) =>
        new(reference.Scores, reference.Labels, [new GroupColumn("group", reference.Groups)]) { TieKeys = reference.Ids };
}
