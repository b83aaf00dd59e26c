using EarlyHelp.Analytics.Evaluation.Fairness;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>The fairness audit's settings for a model's test families, the same in training, comparison and the card.</summary>
public static class CapacityAudit
{
    /// <summary>
    /// The panel's capacity as the selection; early help is an offer of help, so missing a family in need is
    /// the harm put first; the named reference groups; one intersection (built as its own column), not every pair.
    /// </summary>
    public static FairnessAuditOptions ForCapacity(int capacity, int resamples, int seed) => new()
    {
        Selection = new SelectionRule.TopK(capacity),
        ReferenceGroups = FamilyGroups.ReferenceGroups,
        Intervention = InterventionKind.Assistive,
        BootstrapResamples = resamples,
        Seed = seed,
        Intersections = false,
    };
}
