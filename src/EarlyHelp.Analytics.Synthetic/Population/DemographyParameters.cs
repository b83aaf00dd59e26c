namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// Household composition and its monthly dynamics. [S] a source states it (see
/// <c>docs/synthetic-city.md</c>); [D] derived from sourced figures; [A] an assumption, tuned so that
/// the city reproduces the sourced figures (children 19.5% of residents, 26.7% of households with
/// dependent children, lone parents 84% mothers, 1.7 children per family).
/// </summary>
internal static class DemographyParameters
{
    /// <summary>Share of maternities with twins (or more): about 1.5% in England and Wales (ONS, Birth characteristics) [S].</summary>
    public const double TwinMaternityShare = 0.015;

    /// <summary>
    /// Base shares of household types at the start, in <see cref="HouseholdType"/> order: one person,
    /// couple without children, couple with dependent children, lone parent with dependent children,
    /// shared adults, parents with adult children. Households with dependent children 26.7% (Census 2021,
    /// Bristol) [S]; lone-parent households about a quarter of those (ONS Families and households 2022) [D].
    /// </summary>
    public static IReadOnlyList<double> HouseholdTypeShares { get; } = [0.31, 0.25, 0.20, 0.067, 0.10, 0.073];

    /// <summary>Log-ratio per unit of deprivation of each household type's share: lone parents concentrate in deprived areas [A].</summary>
    public static IReadOnlyList<double> HouseholdTypeDeprivationSlopes { get; } = [0.05, -0.15, -0.05, 0.6, 0.15, 0];

    /// <summary>Dependent children in couple families: 1, 2, 3, 4 (mean 1.81; ONS: 1.7 per family) [A].</summary>
    public static IReadOnlyList<double> CoupleChildrenCumulative { get; } = [0.42, 0.82, 0.95, 1.0];

    /// <summary>Dependent children in lone-parent families: 1, 2, 3, 4 (mean 1.70) [A].</summary>
    public static IReadOnlyList<double> LoneParentChildrenCumulative { get; } = [0.50, 0.84, 0.96, 1.0];

    /// <summary>Adults in shared households: 2, 3, 4, 5 [A].</summary>
    public static IReadOnlyList<double> SharedAdultsCumulative { get; } = [0.45, 0.75, 0.93, 1.0];

    /// <summary>Lone parents who are mothers: 84% (ONS Families and households 2022) [S].</summary>
    public const double LoneParentMotherShare = 0.84;

    /// <summary>Residents who are male: 49.6% (Census 2021, Bristol) [S]; used for unattached adults.</summary>
    public const double MaleShare = 0.496;

    /// <summary>Boys among births: 51.2% (the usual sex ratio at birth of about 105) [A].</summary>
    public const double MaleBirthShare = 0.512;

    /// <summary>Partners of the same ethnic group as the first: 85% [A].</summary>
    public const double SameEthnicityPartnerShare = 0.85;

    /// <summary>Gompertz mortality, yearly rate a·e^(b·age): a = 2.0e-5, b = 0.095 (close to England's life tables: 0.2% at 50, 4% at 80) [A].</summary>
    public const double MortalityLevel = 2.0e-5, MortalitySlope = 0.095;

    /// <summary>Extra yearly mortality in the first year of life: infant mortality about 4 per 1,000 [A].</summary>
    public const double InfantMortality = 0.004;

    /// <summary>
    /// Yearly births per woman by five-year age band from 15–19 to 40–44, shaped like England and
    /// Wales fertility by age (total about 1.5) [A]; <see cref="FertilityScale"/> tunes the level.
    /// </summary>
    public static IReadOnlyList<double> FertilityByAgeBand { get; } = [0.012, 0.050, 0.085, 0.105, 0.062, 0.015];

    /// <summary>Fertility multiplier for women living with a partner, a lone mother, and a woman without a family [A].</summary>
    public const double PartneredFertility = 1.45, LoneMotherFertility = 0.45, UnattachedFertility = 0.2;

    /// <summary>Overall fertility level, tuned so that children stay about 19.5% of residents [A].</summary>
    public const double FertilityScale = 0.95;

    /// <summary>Fertility multiplier once a family has three or more children [A].</summary>
    public const double LargeFamilyFertility = 0.35;

    /// <summary>Monthly probability that a couple separates, before need effects: about 3% a year [A].</summary>
    public const double SeparationHazard = 0.0025;

    /// <summary>Share of separating partners who stay in the city in a home of their own (the rest leave the city) [A].</summary>
    public const double SeparatedStayShare = 0.75;

    /// <summary>Monthly probability that a lone parent gains a new partner, who moves in [A].</summary>
    public const double LoneParentRepartnerHazard = 0.005;

    /// <summary>Monthly probability that an adult aged 20–59 without a family gains a partner [A].</summary>
    public const double SingleRepartnerHazard = 0.004;

    /// <summary>Monthly probability that an adult child aged 18–34 leaves home [A].</summary>
    public const double LeaveHomeHazard = 0.016;

    /// <summary>Share of young adults leaving home who leave the city (study, work) [A].</summary>
    public const double LeaveCityShare = 0.3;

    /// <summary>Monthly probability that a household moves, by tenure: owners, private renters, social renters [A; private renters move most, English Housing Survey].</summary>
    public static IReadOnlyList<double> MoveHazardByTenure { get; } = [0.004, 0.012, 0.004];

    /// <summary>Share of moves within the same area [A].</summary>
    public const double MoveWithinAreaShare = 0.35;

    /// <summary>Share of moves to an area of similar deprivation (within two deciles), among moves out of the area [A].</summary>
    public const double MoveToSimilarAreaShare = 0.6;

    /// <summary>
    /// People moving into the city each year per resident: Bristol gains many students and young
    /// workers and loses people in their thirties and older [A].
    /// </summary>
    public const double ArrivalsPerPersonYear = 0.018;

    /// <summary>Mean size of an arriving household, to turn people into households [D from the mix below].</summary>
    public const double ArrivingHouseholdSize = 1.9;

    /// <summary>Kinds of arriving household, running totals in <see cref="HouseholdType"/> order: young singles, young couples, young families, sharers [A].</summary>
    public static IReadOnlyList<double> ArrivingTypeCumulative { get; } = [0.32, 0.52, 0.60, 0.62, 1.0, 1.0];

    /// <summary>Monthly probability that a household leaves the city, by the age of its eldest adult: under 30, 30–44, 45–64, 65 and over [A].</summary>
    public static IReadOnlyList<double> EmigrationHazardByAge { get; } = [0.007, 0.0035, 0.0012, 0.0008];

    /// <summary>Emigration multiplier for households with dependent children (schools tie families to a place) [A].</summary>
    public const double FamilyEmigration = 0.5;

    /// <summary>Years an adult has lived at the starting address: uniform up to this many [A].</summary>
    public const int MaximumYearsAtStartingAddress = 20;
}

/// <summary>Kinds of household at the start of the simulation.</summary>
internal enum HouseholdType : byte
{
    /// <summary>One adult living alone.</summary>
    OnePerson,

    /// <summary>A couple without children.</summary>
    Couple,

    /// <summary>A couple with dependent children.</summary>
    CoupleWithChildren,

    /// <summary>A lone parent with dependent children.</summary>
    LoneParent,

    /// <summary>Unrelated adults sharing.</summary>
    Shared,

    /// <summary>One or two parents with adult (non-dependent) children.</summary>
    ParentsWithAdultChildren,
}
