namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>Which latent need makes an agency record likelier.</summary>
internal enum Driver : byte
{
    /// <summary>The person's mental health need.</summary>
    MentalHealth,

    /// <summary>The person's substance misuse.</summary>
    Substance,

    /// <summary>The person's offending.</summary>
    Offending,

    /// <summary>The person's poor attendance, or offending, whichever is worse (school behaviour).</summary>
    Behaviour,

    /// <summary>The person's poor attendance.</summary>
    Education,

    /// <summary>The worse of the person's mental health and substance misuse.</summary>
    Health,

    /// <summary>The worst of the household's child welfare need and the young person's mental health and offending.</summary>
    YoungPersonRisk,

    /// <summary>The household's child welfare need.</summary>
    Welfare,
}

/// <summary>
/// How one agency records one kind of event about a person each month: the probability by the
/// severity of the need that drives it (index 0, no need, is the false-positive rate), whether the
/// recording bias applies, how long a spell lasts, and how often the record leads the agency to
/// contact children's social care when the person lives in a family with children.
/// </summary>
/// <param name="Dataset">Dataset index.</param>
/// <param name="MinimumAge">Youngest age recorded.</param>
/// <param name="MaximumAge">Oldest age recorded.</param>
/// <param name="Driver">The need that drives it.</param>
/// <param name="ProbabilityByLevel">Monthly probability by severity 0–3.</param>
/// <param name="Biased">Whether the recording bias multiplies the probability.</param>
/// <param name="MinimumMonths">Shortest spell in months; 0 for single-day records.</param>
/// <param name="MaximumMonths">Longest spell in months.</param>
/// <param name="MaximumDelayDays">Longest delay between the need showing and the record's date.</param>
/// <param name="ConcernWeight">Probability that the record prompts a contact to children's social care.</param>
/// <param name="SocialRentersOnly">Only recorded for people in socially rented homes (tenancy records).</param>
internal sealed record PersonRule(
    int Dataset, int MinimumAge, int MaximumAge, Driver Driver, double[] ProbabilityByLevel, bool Biased,
    int MinimumMonths, int MaximumMonths, int MaximumDelayDays, double ConcernWeight, bool SocialRentersOnly = false)
{
    /// <summary>Whether records are spells with an end date.</summary>
    public bool IsSpell => MinimumMonths > 0;
}

/// <summary>
/// The per-person recording rules. Every probability is an assumption [A] tuned to the sourced
/// figures: suspensions 11.31 per 100 pupils a year and permanent exclusions 0.11 (DfE), about half of
/// recorded crimes with a suspect identified, A&amp;E injury attendances about a sixth of all attendances, youth
/// justice first-time entrants 149 per 100,000 aged 10–17 (YJB), and the share of referrals by
/// source. Police and school behaviour records, missing-child reports and health visitor concerns
/// carry the recording bias; health services, benefits and revenues do not.
/// </summary>
internal static class RecordingRules
{
    /// <summary>Every person rule.</summary>
    public static IReadOnlyList<PersonRule> All { get; } =
    [
        new(Datasets.AsbIncident, 10, 120, Driver.Offending, [0.001, 0.015, 0.04, 0.08], true, 0, 0, 0, 0.03),
        new(Datasets.OffenceSuspect, 10, 120, Driver.Offending, [0.0012, 0.02, 0.05, 0.1], true, 0, 0, 0, 0.04),
        new(Datasets.YouthOffending, 10, 17, Driver.Offending, [0, 0.001, 0.006, 0.02], true, 3, 12, 20, 0.3),
        new(Datasets.HousingAsb, 18, 120, Driver.Offending, [0.0001, 0.003, 0.008, 0.02], true, 2, 8, 10, 0.02, SocialRentersOnly: true),
        new(Datasets.Suspension, 5, 10, Driver.Behaviour, [0.001, 0.012, 0.035, 0.08], true, 0, 0, 0, 0.01),
        new(Datasets.Suspension, 11, 15, Driver.Behaviour, [0.006, 0.05, 0.12, 0.25], true, 0, 0, 0, 0.01),
        new(Datasets.PermanentExclusion, 11, 15, Driver.Behaviour, [0, 0.0004, 0.003, 0.01], true, 0, 0, 0, 0.2),
        new(Datasets.MissingEducation, 5, 15, Driver.Education, [0.00004, 0.0002, 0.0008, 0.003], false, 1, 6, 0, 0.2),
        new(Datasets.Neet, 16, 17, Driver.Education, [0.002, 0.02, 0.04, 0.08], false, 2, 12, 14, 0),
        new(Datasets.MissingChild, 10, 17, Driver.YoungPersonRisk, [0.0003, 0.004, 0.012, 0.03], true, 0, 0, 0, 0.5),
        new(Datasets.HealthVisitorConcern, 0, 4, Driver.Welfare, [0.0008, 0.008, 0.02, 0.04], true, 0, 0, 0, 0.4),
        new(Datasets.AdultMentalHealth, 18, 120, Driver.MentalHealth, [0.0012, 0.02, 0.04, 0.06], false, 3, 18, 30, 0.03),
        new(Datasets.SubstanceMisuse, 18, 120, Driver.Substance, [0.0001, 0.004, 0.012, 0.03], false, 3, 12, 30, 0.15),
        new(Datasets.Camhs, 5, 17, Driver.MentalHealth, [0.0015, 0.02, 0.04, 0.06], false, 2, 12, 30, 0.05),
        new(Datasets.AccidentAndEmergency, 0, 120, Driver.Health, [0.009, 0.015, 0.03, 0.06], false, 0, 0, 0, 0.01),
    ];

    /// <summary>The rules that apply at each age from 0 to 120.</summary>
    public static IReadOnlyList<PersonRule[]> ByAge { get; } = Enumerable.Range(0, 121)
        .Select(age => All.Where(rule => age >= rule.MinimumAge && age <= rule.MaximumAge).ToArray())
        .ToArray();

    /// <summary>
    /// For a person with no need and no open spell, the total false-positive probability at each age,
    /// outside (index 0) and inside (index 1) social housing, split into the part the recording bias
    /// does not touch and the part it multiplies: one draw then settles the whole month.
    /// </summary>
    public static IReadOnlyList<(double Unbiased, double Biased)[]> QuietFalsePositives { get; } = ByAge
        .Select(rules => new[] { FalsePositives(rules, socialRenter: false), FalsePositives(rules, socialRenter: true) })
        .ToArray();

    private static (double Unbiased, double Biased) FalsePositives(PersonRule[] rules, bool socialRenter) =>
        (rules.Where(r => !r.Biased && (socialRenter || !r.SocialRentersOnly)).Sum(r => r.ProbabilityByLevel[0]),
         rules.Where(r => r.Biased && (socialRenter || !r.SocialRentersOnly)).Sum(r => r.ProbabilityByLevel[0]));
}
