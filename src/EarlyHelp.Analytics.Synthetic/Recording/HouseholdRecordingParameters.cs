namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// Recording of household-level needs: money, domestic abuse, benefits and school attendance.
/// Monthly probabilities are indexed by severity 0–3 (index 0 is the false-positive rate). All are
/// assumptions [A] tuned to the sourced figures named on each.
/// </summary>
internal static class HouseholdRecordingParameters
{
    /// <summary>Rent arrears of eight weeks or more: 15% of social and 5% of private renters in a year (EHS 2022/23).</summary>
    public static readonly double[] RentArrears = [0.0003, 0.012, 0.03, 0.06];

    /// <summary>Private landlords' arrears reach the council less often than housing associations' (relative visibility).</summary>
    public const double PrivateRentVisibility = 0.35;

    /// <summary>Notices of seeking possession.</summary>
    public static readonly double[] NoticeSeekingPossession = [0, 0.0005, 0.004, 0.02];

    /// <summary>Council tax arrears referred for enforcement.</summary>
    public static readonly double[] CouncilTaxArrears = [0.003, 0.025, 0.04, 0.06];

    /// <summary>Crisis support awards.</summary>
    public static readonly double[] CrisisSupport = [0.0002, 0.004, 0.01, 0.02];

    /// <summary>Homelessness applications by money severity; an eviction leads to one with <see cref="HomelessAfterEviction"/>.</summary>
    public static readonly double[] Homelessness = [0, 0, 0.002, 0.01];

    /// <summary>Probability of a homelessness application in the month of an eviction, and when fleeing severe abuse.</summary>
    public const double HomelessAfterEviction = 0.6, HomelessFleeingAbuse = 0.02;

    /// <summary>
    /// Police-attended domestic abuse incidents: about 24 incidents and crimes per 1,000 residents a
    /// year (ONS, year ending March 2024), about one in five incidents reported (SafeLives).
    /// </summary>
    public static readonly double[] AbuseIncident = [0.0003, 0.062, 0.12, 0.22];

    /// <summary>After an incident: a MARAC hearing, an IDVA referral, a protection notice.</summary>
    public static readonly double[] Marac = [0.002, 0.01, 0.06, 0.25], Idva = [0.01, 0.06, 0.2, 0.3], ProtectionNotice = [0, 0.005, 0.03, 0.08];

    /// <summary>An incident in a family with children is notified to children's social care (police practice) with this probability.</summary>
    public const double AbuseConcern = 0.9;

    /// <summary>Monthly probability that a workless adult who has not yet claimed starts a claim.</summary>
    public const double ClaimUptake = 0.5;

    /// <summary>
    /// Persistent absence in a term: the pupil's attendance latent plus term-to-term noise above a
    /// threshold; 19.2% of pupils persistently absent (DfE 2023/24), severe absence 2.1%.
    /// </summary>
    public const double AbsenceThreshold = 0.55, AbsenceNoise = 0.7, AbsencePercentPerUnit = 12;

    /// <summary>Probability that a persistent absence record prompts a contact with social care.</summary>
    public const double AbsenceConcern = 0.01;
}
