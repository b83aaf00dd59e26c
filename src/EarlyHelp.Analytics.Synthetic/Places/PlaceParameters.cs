namespace EarlyHelp.Analytics.Synthetic.Places;

/// <summary>
/// Sourced figures for the city's areas (see <c>docs/synthetic-city.md</c>, section 1). [S] a source
/// states it; [D] derived from sourced figures; [A] an assumption chosen to reproduce them.
/// </summary>
internal static class PlaceParameters
{
    /// <summary>People per area: Bristol's 472,400 residents over 263 LSOAs [S] ≈ 1,800 [D].</summary>
    public const int PeoplePerArea = 1800;

    /// <summary>Fewest areas, so that even a small city has every deprivation decile.</summary>
    public const int MinimumAreas = 40;

    /// <summary>
    /// Share of residents living in each national IMD decile (1 = most deprived). Decile 1: 15% of
    /// Bristol's residents live in England's most deprived tenth (IMD 2019, Bristol JSNA) [S]; the
    /// rest follow Bristol's two-ended profile, with many residents in the least deprived deciles too [A].
    /// </summary>
    public static IReadOnlyList<double> DecileShares { get; } = [0.15, 0.10, 0.09, 0.08, 0.08, 0.08, 0.09, 0.10, 0.11, 0.12];

    /// <summary>
    /// Ethnic mix of all residents: White British 71.6%, Other White 9.5%, Mixed 4.5%, Asian 6.6%,
    /// Black 5.9%, Other 1.9% (Census 2021, Bristol) [S], in <see cref="Ethnicity"/> order.
    /// </summary>
    public static IReadOnlyList<double> EthnicityShares { get; } = [0.716, 0.095, 0.045, 0.066, 0.059, 0.019];

    /// <summary>
    /// How strongly each minority group concentrates in deprived areas (log-ratio per unit of the
    /// deprivation scale), in <see cref="Ethnicity"/> order. Bristol's Black, Asian and Mixed residents
    /// live mostly in the deprived inner city; Other White residents less so [A, from the 6%–83%
    /// ward range of BME children, Bristol JSNA 2014].
    /// </summary>
    public static IReadOnlyList<double> EthnicityDeprivationSlopes { get; } = [0, -0.3, 0.4, 0.5, 0.5, 0.3];

    /// <summary>Log-odds change of an area's minority share per unit of the deprivation scale [A].</summary>
    public const double MinorityDeprivationSlope = 0.9;

    /// <summary>Spread of areas' minority share beyond deprivation (standard deviation of the log-odds) [A].</summary>
    public const double MinorityAreaSpread = 0.6;

    /// <summary>
    /// Share of households renting socially in each IMD decile. Bristol: 18% social renters, 27% private
    /// renters, 55% owners (Census 2021) [S]; social renting is concentrated in the most deprived areas [A].
    /// </summary>
    public static IReadOnlyList<double> SocialRentByDecile { get; } = [0.48, 0.36, 0.27, 0.20, 0.15, 0.11, 0.08, 0.06, 0.04, 0.03];

    /// <summary>Share of households renting privately in each IMD decile [A, to the Bristol totals above].</summary>
    public static IReadOnlyList<double> PrivateRentByDecile { get; } = [0.25, 0.30, 0.32, 0.32, 0.30, 0.28, 0.26, 0.24, 0.20, 0.16];

    /// <summary>Bristol postcode districts used for the synthetic addresses.</summary>
    public static IReadOnlyList<string> PostcodeDistricts { get; } =
        ["BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7", "BS8", "BS9", "BS10", "BS11", "BS13", "BS14", "BS15", "BS16"];
}
