namespace EarlyHelp.Analytics.Synthetic.Needs;

/// <summary>
/// The latent need model (docs/synthetic-city.md, section 3.3). Each need is a severity
/// z_t = ρ·z_(t−1) + (1 − ρ)·m_t + √(1 − ρ²)·ε_t, present when above 0, moderate above 1 and severe
/// above 2, whose target m_t rises with deprivation, the person's lasting trait, the household's
/// adversity and stress, and the other needs. Every number is an assumption [A] tuned so that the
/// recorded city matches the sourced rates; the comments say which figure each one serves.
/// </summary>
internal static class NeedParameters
{
    /// <summary>Monthly persistence ρ of each need ("ρ ≈ 0.9" in the design notes) and of household stress.</summary>
    public const double MentalHealthPersistence = 0.93, SubstancePersistence = 0.94, OffendingPersistence = 0.9,
        EducationPersistence = 0.88, AbusePersistence = 0.9, MoneyPersistence = 0.92, WelfarePersistence = 0.97, StressPersistence = 0.8;

    /// <summary>Adult mental health need: about 10% of adults, 7.5% of children living with it (Children's Commissioner 2018) [A].</summary>
    public const double MentalHealthAdultBase = -1.45, MentalHealthTeenBase = -1.75, MentalHealthDeprivation = 0.35,
        MentalHealthTrait = 0.6, MentalHealthAdversity = 0.45, MentalHealthStress = 0.3, MentalHealthAbuseVictim = 0.9;

    /// <summary>Substance misuse: about 4% of children live with it (Children's Commissioner 2018) [A].</summary>
    public const double SubstanceBase = -2.4, SubstanceDeprivation = 0.4, SubstanceTrait = 0.7, SubstanceAdversity = 0.5,
        SubstanceStress = 0.2, SubstanceWithMentalHealth = 0.6, SubstanceMale = 0.3, SubstanceTeen = -0.6, SubstanceOlder = -0.6;

    /// <summary>Offending by age band (10–13, 14–17, 18–25, 26–39, 40–59, 60+): peaks in the late teens [A].</summary>
    public static IReadOnlyList<double> OffendingBaseByAge { get; } = [-2.9, -2.0, -2.0, -2.5, -3.0, -3.6];

    /// <summary>Offending effects [A].</summary>
    public const double OffendingMale = 0.5, OffendingDeprivation = 0.4, OffendingTrait = 0.8, OffendingAdversity = 0.3,
        OffendingStress = 0.2, OffendingWithSubstance = 0.5;

    /// <summary>Poor school attendance: about a fifth of pupils persistently absent in a year (DfE 2023/24: 19.2%) [A].</summary>
    public const double EducationBase = -1.6, EducationDeprivation = 0.45, EducationTrait = 0.7, EducationAdversity = 0.3,
        EducationStress = 0.2, EducationWithWelfare = 0.5, EducationWithAbuse = 0.3, EducationDisabled = 0.35,
        EducationSecondary = 0.3, EducationWithMentalHealth = 0.3;

    /// <summary>
    /// Domestic abuse between partners (or ex-partners within two years of separating): about 7% of
    /// children live with it; DA, mental ill health and substance misuse cluster ("toxic trio") [A].
    /// </summary>
    public const double AbuseBase = -2.15, AbuseAfterSeparation = -0.6, AbuseDeprivation = 0.35, AbuseAdversity = 0.6,
        AbuseStress = 0.45, AbuseWithSubstance = 1.0, AbuseWithMentalHealth = 0.7;

    /// <summary>Months after a separation during which abuse by the ex-partner can go on.</summary>
    public const int AbuseAfterSeparationMonths = 24;

    /// <summary>Debt and housing insecurity: rent arrears for 15% of social and 5% of private renters in a year (EHS 2022/23) [A].</summary>
    public const double MoneyBase = -1.5, MoneyDeprivation = 0.6, MoneyWorkless = 0.9, MoneyAdversity = 0.35,
        MoneyStress = 0.3, MoneyWithSubstance = 0.3, MoneyLoneParent = 0.3, MoneyRenting = 0.25;

    /// <summary>
    /// Worklessness as a two-state chain: monthly entry and exit hazards with log-linear effects. The
    /// stationary share entry/(entry + exit) gives about 13.6% of working-age households workless
    /// (ONS 2019) and 35% of children in lone-parent families (ONS 2017) [A].
    /// </summary>
    public const double WorklessEntry = 0.0042, WorklessExit = 0.03, WorklessDeprivation = 0.7, WorklessLoneParent = 1.0,
        WorklessMentalHealth = 0.6, WorklessSubstance = 0.6, WorklessDisabled = 0.6, WorklessAdversity = 0.3;

    /// <summary>Stress added when a household becomes workless [A].</summary>
    public const float JobLossShock = 0.8f;

    /// <summary>
    /// The children's need for help and protection: driven by the toxic trio, money, lone parenthood
    /// and deprivation, so that care is about ten times likelier in the most deprived decile than in
    /// the least (CWIP) [A].
    /// </summary>
    public const double WelfareBase = -3.45, WelfareDeprivation = 0.5, WelfareWithAbuse = 1.8, WelfareWithMentalHealth = 1.2,
        WelfareWithSubstance = 1.8, WelfareWithMoney = 0.7, WelfareLoneParent = 0.6, WelfareAdversity = 0.8,
        WelfareStress = 0.6, WelfareWithChildNeeds = 0.7;
}
