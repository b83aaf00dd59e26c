namespace EarlyHelp.Analytics.Evaluation.Fairness;

/// <summary>What being selected leads to, which decides which error harms people most.</summary>
public enum InterventionKind
{
    /// <summary>
    /// Selection brings help (e.g. an early-help offer). The harm is being missed while in need: watch
    /// the false negative rate and the false omission rate.
    /// </summary>
    Assistive,

    /// <summary>
    /// Selection brings a burden (e.g. an investigation). The harm is being selected without cause:
    /// watch the false positive rate and the false discovery rate.
    /// </summary>
    Burdensome,
}
