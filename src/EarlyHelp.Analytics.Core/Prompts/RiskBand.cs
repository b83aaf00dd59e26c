namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>A band of the calibrated probability of escalation; see <see cref="RiskBands"/> for the cut points.</summary>
public enum RiskBand
{
    /// <summary>Under 10%: fewer than 1 in 10 such families escalated.</summary>
    Lower,

    /// <summary>10% to under 25%: between 1 in 10 and 1 in 4.</summary>
    Moderate,

    /// <summary>25% to under 50%: between 1 in 4 and 1 in 2.</summary>
    High,

    /// <summary>50% or more: at least 1 in 2.</summary>
    VeryHigh,
}

/// <summary>
/// The one definition of the risk bands. The cut points are fixed probabilities, not ranks, so that a
/// band means the same across runs and models; and they are read on the calibrated probability, so a
/// band states how often such families escalated ("between 1 in 4 and 1 in 2"), which a panel can weigh.
/// 1 in 10, 1 in 4 and 1 in 2 are round odds that practitioners already use when they speak of risk.
/// </summary>
public static class RiskBands
{
    /// <summary>Lower bounds of <see cref="RiskBand.Moderate"/>, <see cref="RiskBand.High"/> and <see cref="RiskBand.VeryHigh"/>; each band includes its lower bound.</summary>
    public static IReadOnlyList<double> CutPoints { get; } = [0.10, 0.25, 0.50];

    /// <summary>Every band, lowest first.</summary>
    public static IReadOnlyList<RiskBand> All { get; } = [RiskBand.Lower, RiskBand.Moderate, RiskBand.High, RiskBand.VeryHigh];

    /// <summary>The band of a calibrated probability in [0, 1].</summary>
    public static RiskBand For(double probability)
    {
        if (double.IsNaN(probability) || probability is < 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies in [0, 1].");
        var band = 0;
        while (band < CutPoints.Count && probability >= CutPoints[band])
            band++;
        return All[band];
    }

    /// <summary>The stored code: <c>lower</c>, <c>moderate</c>, <c>high</c> or <c>very_high</c>.</summary>
    public static string Code(this RiskBand band) => band switch
    {
        RiskBand.Lower => "lower",
        RiskBand.Moderate => "moderate",
        RiskBand.High => "high",
        RiskBand.VeryHigh => "very_high",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown risk band."),
    };

    /// <summary>A plain name with its range, e.g. "High (25% to 50%)".</summary>
    public static string PlainName(this RiskBand band) => band switch
    {
        RiskBand.Lower => "Lower (under 10%)",
        RiskBand.Moderate => "Moderate (10% to 25%)",
        RiskBand.High => "High (25% to 50%)",
        RiskBand.VeryHigh => "Very high (50% or more)",
        _ => throw new ArgumentOutOfRangeException(nameof(band), band, "Unknown risk band."),
    };

    /// <summary>Reads a stored code; returns false for anything else.</summary>
    public static bool TryParse(string? code, out RiskBand band)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                band = candidate;
                return true;
            }
        }
        band = default;
        return false;
    }
}
