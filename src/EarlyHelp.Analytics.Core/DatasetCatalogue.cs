namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Every dataset the hub knows: 28 source datasets across the six headline problems and the
/// three statutory outcomes that define escalation. Retention periods follow typical council
/// retention schedules (six years for most case records, shorter for financial arrears). Every dataset's
/// extracts are full refreshes (the whole truth for the retention period) except DWP's, which carry changes only.
/// </summary>
public static class DatasetCatalogue
{
    /// <summary>Code of the Child in Need plan outcome.</summary>
    public const string ChildInNeedPlan = "csc.cin_plan";

    /// <summary>Code of the Child Protection plan outcome.</summary>
    public const string ChildProtectionPlan = "csc.cp_plan";

    /// <summary>Code of the looked-after (in care) outcome.</summary>
    public const string LookedAfter = "csc.looked_after";

    /// <summary>Code of the early help episode dataset (previous early help is a feature).</summary>
    public const string EarlyHelpEpisode = "earlyhelp.assessment";

    /// <summary>All datasets, sources first in headline order, then outcomes.</summary>
    public static IReadOnlyList<DatasetDefinition> All { get; } = Build();

    /// <summary>The source datasets (issues and services), without the outcomes.</summary>
    public static IReadOnlyList<DatasetDefinition> Sources { get; } = All.Where(d => d.Kind != DatasetKind.Outcome).ToArray();

    /// <summary>The statutory outcome datasets that define escalation.</summary>
    public static IReadOnlyList<DatasetDefinition> Outcomes { get; } = All.Where(d => d.Kind == DatasetKind.Outcome).ToArray();

    private static readonly Dictionary<string, DatasetDefinition> ByCode = All.ToDictionary(d => d.Code, StringComparer.Ordinal);

    /// <summary>Finds a dataset by code; returns false for an unknown code.</summary>
    public static bool TryGet(string code, out DatasetDefinition dataset) => ByCode.TryGetValue(code, out dataset!);

    /// <summary>The dataset with this code; throws when the code is unknown.</summary>
    public static DatasetDefinition Get(string code) =>
        TryGet(code, out var dataset) ? dataset : throw new KeyNotFoundException($"Unknown dataset code '{code}'.");

    private static DatasetDefinition[] Build()
    {
        var police = AgencyStyle.Police;
        var housing = AgencyStyle.Housing;
        var schools = AgencyStyle.Schools;
        var csc = AgencyStyle.ChildrensSocialCare;
        var health = AgencyStyle.Health;
        var abuse = AgencyStyle.DomesticAbusePartnership;
        const ProblemCategory crime = ProblemCategory.CrimeAsb, education = ProblemCategory.Education,
            children = ProblemCategory.ChildrenNeedHelp, money = ProblemCategory.WorklessnessFinance,
            domestic = ProblemCategory.DomesticAbuse, wellbeing = ProblemCategory.Health, care = ProblemCategory.StatutoryCare;
        const DatasetKind issue = DatasetKind.Issue, service = DatasetKind.Service, outcome = DatasetKind.Outcome;

        return
        [
            Define("police.asb_incident", "Anti-social behaviour incident", crime, issue, 72,
                police, "police_asb_incidents.csv", "IncidentDate"),
            Define("police.offence_suspect", "Recorded offence with the person as suspect", crime, issue, 72,
                police, "police_offence_suspects.csv", "OffenceDate"),
            Define("yjs.youth_offending", "Youth justice outcome (caution or court order)", crime, issue, 72,
                AgencyStyle.YouthJustice, "yjs_outcomes.csv", "outcome_date", "order_end_date"),
            Define("housing.asb_case", "Tenancy anti-social behaviour case", crime, issue, 72,
                housing, "housing_asb_cases.csv", "OpenedDate", "ClosedDate"),

            Define("school.persistent_absence", "Persistent absence in a school term", education, issue, 72,
                schools, "school_persistent_absence.csv", "term_start", "term_end", "percent_missed",
                valueMeaning: "percent of sessions missed in the term"),
            Define("school.suspension", "Suspension from school", education, issue, 72,
                schools, "school_suspensions.csv", "suspension_start", "suspension_end", "days",
                valueMeaning: "days suspended"),
            Define("school.permanent_exclusion", "Permanent exclusion from school", education, issue, 72,
                schools, "school_permanent_exclusions.csv", "exclusion_date"),
            Define("school.missing_education", "Child missing education", education, issue, 72,
                schools, "school_missing_education.csv", "identified_date", "resolved_date"),
            Define("careers.neet", "Young person not in education, employment or training", education, issue, 48,
                AgencyStyle.Careers, "careers_neet.csv", "StartDate", "EndDate"),

            Define("csc.contact_not_progressed", "Contact to children's social care not progressed", children, issue, 72,
                csc, "csc_contacts_not_progressed.csv", "contact_date"),
            Define("csc.referral", "Referral to children's social care", children, issue, 72,
                csc, "csc_referrals.csv", "referral_date"),
            Define(EarlyHelpEpisode, "Early help assessment and support", children, service, 72,
                AgencyStyle.EarlyHelp, "earlyhelp_episodes.csv", "start_date", "end_date"),
            Define("police.missing_child", "Missing child episode", children, issue, 72,
                police, "police_missing_children.csv", "ReportedDate"),
            Define("health.health_visitor_concern", "Health visitor concern about a young child", children, issue, 72,
                health, "health_visitor_concerns.csv", "ConcernDate"),

            // DWP shares claims started or changed since the previous share [A]: an extract says nothing of claims it omits.
            Define("dwp.out_of_work_benefit", "Out-of-work benefit claim", money, issue, 48,
                AgencyStyle.Dwp, "dwp_out_of_work_claims.csv", "CLAIM_START", "CLAIM_END") with { Refresh = ExtractRefresh.ChangesOnly },
            Define("housing.rent_arrears", "Rent arrears of eight weeks or more", money, issue, 36,
                housing, "housing_rent_arrears.csv", "ArrearsDate", valueColumn: "ArrearsAmount", valueMeaning: "arrears in pounds"),
            Define("housing.notice_seeking_possession", "Notice of seeking possession", money, issue, 48,
                housing, "housing_nosp.csv", "NoticeDate"),
            Define("revenues.council_tax_arrears", "Council tax arrears referred for enforcement", money, issue, 36,
                AgencyStyle.Revenues, "council_tax_arrears.csv", "ReferredDate", valueColumn: "Balance", valueMeaning: "arrears in pounds"),
            Define("housing.homelessness_application", "Homelessness application", money, issue, 72,
                housing, "housing_homelessness.csv", "ApplicationDate", "DecisionDate"),
            Define("welfare.crisis_support", "Crisis support award", money, service, 36,
                AgencyStyle.LocalWelfare, "welfare_crisis_awards.csv", "award_date", valueColumn: "award_amount", valueMeaning: "award in pounds"),

            Define("police.domestic_abuse_incident", "Domestic abuse incident attended by police", domestic, issue, 72,
                police, "police_domestic_abuse.csv", "IncidentDate"),
            Define("marac.case", "Case heard at a MARAC (high-risk domestic abuse)", domestic, issue, 72,
                abuse, "marac_cases.csv", "MeetingDate"),
            Define("idva.referral", "Referral to an independent domestic violence adviser", domestic, service, 72,
                abuse, "idva_referrals.csv", "ReferralDate", "ClosureDate"),
            Define("police.protection_notice", "Domestic violence protection notice", domestic, issue, 72,
                police, "police_protection_notices.csv", "NoticeDate"),

            Define("health.adult_mental_health", "Adult mental health service involvement", wellbeing, service, 96,
                health, "health_adult_mental_health.csv", "ReferralDate", "DischargeDate"),
            Define("health.substance_misuse", "Drug or alcohol treatment", wellbeing, service, 96,
                health, "health_substance_misuse.csv", "ReferralDate", "DischargeDate"),
            Define("health.camhs_referral", "Referral to child and adolescent mental health services", wellbeing, service, 96,
                health, "health_camhs_referrals.csv", "ReferralDate", "DischargeDate"),
            Define("health.ae_attendance", "A&E attendance for injury, self-harm or intoxication", wellbeing, issue, 96,
                health, "health_ae_attendances.csv", "AttendanceDate"),

            Define(ChildInNeedPlan, "Child in Need plan", care, outcome, 900,
                csc, "csc_cin_plans.csv", "start_date", "end_date"),
            Define(ChildProtectionPlan, "Child Protection plan", care, outcome, 900,
                csc, "csc_cp_plans.csv", "start_date", "end_date"),
            Define(LookedAfter, "Looked after by the local authority", care, outcome, 900,
                csc, "csc_looked_after.csv", "start_date", "end_date"),
        ];
    }

    private static DatasetDefinition Define(string code, string name, ProblemCategory category, DatasetKind kind,
        int retentionMonths, AgencyStyle agency, string fileName, string startDateColumn, string? endDateColumn = null,
        string? valueColumn = null, string? valueMeaning = null) => new()
    {
        Code = code,
        Name = name,
        Agency = agency.Agency,
        Category = category,
        Kind = kind,
        RetentionMonths = retentionMonths,
        ValueMeaning = valueMeaning,
        Coverage = DatasetCoverage.Of(code),
        Layout = agency.Layout(fileName, startDateColumn, endDateColumn, valueColumn) with { Contact = DatasetCoverage.ContactOf(code) },
    };
}
