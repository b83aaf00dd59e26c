using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>
/// The reporting lag of each dataset the generator writes. The reasoning behind each line, and which parts rest on a
/// published rule and which are assumptions, is in docs/synthetic-city.md (<i>Reporting lags</i>).
/// </summary>
public static class ReportingLags
{
    // Police: crimes are to be recorded within 24 hours of the report (Home Office Counting Rules); some are added
    // after audit or reclassification.
    private static readonly ReportingLag Police = new(1, 0.05, 30);

    // Social care: a decision on a contact or referral within one working day (Working Together 2023); backlogs remain.
    private static readonly ReportingLag SocialCareFrontDoor = new(1, 0.10, 21);

    // NHS secondary and community care: submitted monthly, with a month's flex before a period freezes.
    private static readonly ReportingLag NhsMonthly = new(35, 0.05, 60);

    // Housing, revenues and DWP: arrears and claims show at the next monthly account or assessment cycle.
    private static readonly ReportingLag MonthlyCycle = new(31, 0.05, 30);

    // Case work entered when a meeting or assessment is written up, within a fortnight or so.
    private static readonly ReportingLag CaseWork = new(14, 0.10, 30);

    // A school or agency notice entered within a week.
    private static readonly ReportingLag WithinAWeek = new(7, 0.05, 30);

    private static readonly Dictionary<string, ReportingLag> ByDataset = new(StringComparer.Ordinal)
    {
        ["police.asb_incident"] = Police,
        ["police.offence_suspect"] = Police,
        ["police.missing_child"] = Police,
        ["police.domestic_abuse_incident"] = Police,
        ["police.protection_notice"] = Police,
        ["yjs.youth_offending"] = CaseWork,
        ["housing.asb_case"] = CaseWork,
        // Absence is counted over a term and returned in the termly school census.
        ["school.persistent_absence"] = new(90, 0.05, 30),
        ["school.suspension"] = WithinAWeek,
        ["school.permanent_exclusion"] = WithinAWeek,
        // Children missing education and young people not in education, employment or training: monthly tracking.
        ["school.missing_education"] = new(31, 0.10, 60),
        ["careers.neet"] = new(31, 0.10, 60),
        ["csc.contact_not_progressed"] = SocialCareFrontDoor,
        ["csc.referral"] = SocialCareFrontDoor,
        // An early help assessment is entered when it is written up, often weeks after it began.
        ["earlyhelp.assessment"] = new(14, 0.15, 30),
        ["health.health_visitor_concern"] = WithinAWeek,
        ["dwp.out_of_work_benefit"] = new(31, 0.05, 45),
        ["housing.rent_arrears"] = MonthlyCycle,
        ["housing.notice_seeking_possession"] = WithinAWeek,
        ["revenues.council_tax_arrears"] = MonthlyCycle,
        ["housing.homelessness_application"] = new(7, 0.10, 30),
        // A crisis award is paid through the system the same week.
        ["welfare.crisis_support"] = new(3, 0.02, 14),
        // MARACs meet about monthly; a case is entered at its meeting.
        ["marac.case"] = MonthlyCycle,
        ["idva.referral"] = new(7, 0.10, 30),
        ["health.adult_mental_health"] = NhsMonthly,
        ["health.substance_misuse"] = NhsMonthly,
        ["health.camhs_referral"] = NhsMonthly,
        ["health.ae_attendance"] = NhsMonthly,
        // Statutory plans and care: a plan is entered after its conference or meeting; a child coming into care at once.
        [DatasetCatalogue.ChildInNeedPlan] = new(7, 0.10, 30),
        [DatasetCatalogue.ChildProtectionPlan] = new(1, 0.05, 21),
        [DatasetCatalogue.LookedAfter] = new(1, 0.02, 14),
    };

    /// <summary>The reporting lag of dataset <paramref name="code"/>; throws for a dataset the generator does not write.</summary>
    public static ReportingLag For(string code) =>
        ByDataset.TryGetValue(code, out var lag) ? lag : throw new KeyNotFoundException($"The generator states no reporting lag for dataset '{code}'.");
}
