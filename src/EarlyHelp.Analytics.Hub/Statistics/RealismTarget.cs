namespace EarlyHelp.Analytics.Hub.Statistics;

/// <summary>
/// A published figure that a realistic hub should come close to, with the range accepted around it.
/// The synthetic city is calibrated to these; a real council's hub shows how far it is from England.
/// </summary>
/// <param name="Name">Figure name, e.g. <c>children_share</c>.</param>
/// <param name="Meaning">What it measures, in one line.</param>
/// <param name="Target">The published value.</param>
/// <param name="Low">Lowest value accepted.</param>
/// <param name="High">Highest value accepted.</param>
/// <param name="Tolerance">The accepted range in words, e.g. <c>±0.02</c> or <c>±25%</c>.</param>
/// <param name="Source">Where the target comes from.</param>
public sealed record RealismTarget(string Name, string Meaning, double Target, double Low, double High, string Tolerance, string Source)
{
    /// <summary>The eight figures, in display order.</summary>
    public static IReadOnlyList<RealismTarget> All { get; } =
    [
        Absolute("children_share", "residents aged 0-17 / residents", 0.195, 0.02,
            "ONS mid-year population estimates: share aged 0-17 in a large English city (Bristol)"),
        Relative("children_in_need_per_10k", "children with an open CIN plan, CP plan or looked-after record per 10,000 children", 332.9, 0.25,
            "DfE, Characteristics of children in need: children in need per 10,000 children, England"),
        Relative("child_protection_per_10k", "children with an open CP plan per 10,000 children", 42.8, 0.25,
            "DfE, Characteristics of children in need: children on a child protection plan per 10,000 children, England"),
        Relative("looked_after_per_10k", "children looked after per 10,000 children", 70, 0.25,
            "DfE, Children looked after in England: rate per 10,000 children"),
        Absolute("persistent_absence_share", "children aged 5-15 persistently absent in the last 12 months / children aged 5-15", 0.192, 0.04,
            "DfE, Pupil absence in schools in England: persistent absence rate"),
        Absolute("workless_household_share", "households whose residents aged 16-64 all claim an out-of-work benefit / households with a resident aged 16-64", 0.136, 0.04,
            "ONS, Working and workless households in the UK: workless household share"),
        Relative("domestic_abuse_incidents_per_1000", "police domestic abuse incidents in the last 12 months per 1,000 residents", 24, 0.30,
            "ONS, Domestic abuse in England and Wales overview: police-recorded domestic abuse-related incidents per 1,000 population"),
        new("care_deprivation_ratio", "looked-after rate of children in IMD decile 1 / the rate in decile 10", 10, 6, 16, "6 to 16",
            "Child Welfare Inequalities Project (Bywaters et al.): children in the most deprived tenth of areas are about ten times as likely to be in care as those in the least deprived"),
    ];

    /// <summary>Whether <paramref name="value"/> lies in [<see cref="Low"/>, <see cref="High"/>].</summary>
    public bool Accepts(double value) => value >= Low && value <= High;

    private static RealismTarget Absolute(string name, string meaning, double target, double margin, string source) =>
        new(name, meaning, target, Bound(target - margin), Bound(target + margin), FormattableString.Invariant($"±{margin}"), source);

    private static RealismTarget Relative(string name, string meaning, double target, double fraction, string source) =>
        new(name, meaning, target, Bound(target * (1 - fraction)), Bound(target * (1 + fraction)), FormattableString.Invariant($"±{fraction * 100:0}%"), source);

    // 0.195 - 0.02 is 0.17500000000000002 in binary; the published range ends at 0.175.
    private static double Bound(double value) => Math.Round(value, 10);
}
