namespace EarlyHelp.Analytics.Learning.Trees;

/// <summary>
/// How a missing value reaches the trees. ML.NET's FastTree skips every training row with a NaN
/// (a log line is the only sign; on the anchor data it kept 28% of the rows) and sends NaN right
/// at every split when scoring. So NaN never reaches it: a transform saved inside the model
/// replaces NaN by <see cref="Sentinel"/>, far below any feature's value, or, for a feature whose
/// <see cref="MissingValuePlacement"/> says so, by <see cref="HighSentinel"/>, far above it. The
/// features here are counts, ages and "months since" values, all at least 0, so the low sentinel
/// reads as "never happened"; either way trees can split it off like any other value, and TreeSHAP
/// credits it to the feature that is missing rather than to a made-up filler.
/// </summary>
public static class MissingValues
{
    /// <summary>The value a NaN becomes before the trees: −10⁹, exactly representable as a float.</summary>
    public const float Sentinel = -1e9f;

    /// <summary>The value a NaN becomes for a feature placed <see cref="MissingValueSide.High"/>: +10⁹, exactly representable as a float.</summary>
    public const float HighSentinel = 1e9f;

    /// <summary>The expression ML.NET's <c>Expression</c> transform applies to every slot of the feature vector.</summary>
    internal const string Expression = "x => isna(x) ? -1000000000 : x";

    /// <summary>The expression that places one feature's missing values above every value.</summary>
    internal const string HighExpression = "x => isna(x) ? 1000000000 : x";

    /// <summary>The value the trees see for <paramref name="value"/> when missing values go low.</summary>
    public static float Fill(float value) => float.IsNaN(value) ? Sentinel : value;

    /// <summary>The value a NaN becomes on <paramref name="side"/>.</summary>
    public static float SentinelOf(MissingValueSide side) => side == MissingValueSide.High ? HighSentinel : Sentinel;
}
