namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The catalogue's statements of who each source covers, and the worker-contact columns of the case systems that hold
/// them. Coverage follows what each service is for: schools hold pupils of compulsory school age (4 to 16 in the
/// reception-to-year-11 range), health visiting children under 5, youth justice 10 to 17 (the age of criminal
/// responsibility to adulthood), children's services under 18, careers' NEET tracking 16 to 24 (to 25 with a plan),
/// adult services 16 or 18 and over. Contact columns are those of case-managed services (a key worker, a social
/// worker, a case manager, an adviser); incident and register systems (police incidents, school returns, A&amp;E,
/// benefit and arrears records) allocate no worker and hold none.
/// </summary>
public static class DatasetCoverage
{
    private const int Oldest = 120;

    private static readonly SourceCoverage Everyone = new("Anyone in the council's area", 0, Oldest);
    private static readonly SourceCoverage Pupils = new("Pupils of the council's schools, aged 4 to 16", 4, 16);
    private static readonly SourceCoverage Children = new("Children and young people under 18", 0, 17);
    private static readonly SourceCoverage Adults = new("Adults aged 18 and over", 18, Oldest);
    private static readonly SourceCoverage SixteenAndOver = new("People aged 16 and over", 16, Oldest);

    private static readonly Dictionary<string, SourceCoverage> Coverage = new(StringComparer.Ordinal)
    {
        ["police.offence_suspect"] = new("People aged 10 and over (the age of criminal responsibility)", 10, Oldest),
        ["yjs.youth_offending"] = new("Young people aged 10 to 17", 10, 17),
        ["housing.asb_case"] = new("Council and housing association tenancies: tenants aged 16 and over", 16, Oldest),
        ["school.persistent_absence"] = Pupils,
        ["school.suspension"] = Pupils,
        ["school.permanent_exclusion"] = Pupils,
        ["school.missing_education"] = Pupils,
        ["careers.neet"] = new("Young people aged 16 to 24", 16, 24),
        ["csc.contact_not_progressed"] = Children,
        ["csc.referral"] = Children,
        ["police.missing_child"] = Children,
        ["health.health_visitor_concern"] = new("Children under 5", 0, 4),
        ["dwp.out_of_work_benefit"] = SixteenAndOver,
        ["housing.rent_arrears"] = new("Council tenants aged 18 and over", 18, Oldest),
        ["housing.notice_seeking_possession"] = new("Council tenants aged 18 and over", 18, Oldest),
        ["revenues.council_tax_arrears"] = new("Council tax payers aged 18 and over", 18, Oldest),
        ["housing.homelessness_application"] = SixteenAndOver,
        ["welfare.crisis_support"] = SixteenAndOver,
        ["marac.case"] = SixteenAndOver,
        ["idva.referral"] = SixteenAndOver,
        ["health.adult_mental_health"] = Adults,
        ["health.substance_misuse"] = Adults,
        ["health.camhs_referral"] = Children,
        [DatasetCatalogue.ChildInNeedPlan] = Children,
        [DatasetCatalogue.ChildProtectionPlan] = Children,
        [DatasetCatalogue.LookedAfter] = Children,
    };

    private static readonly ContactColumns SocialCareContact = new("allocated_worker", "worker_role", "team", "team_phone", "worker_email");
    private static readonly ContactColumns NhsContact = new("Clinician", "ClinicianRole", "Team", "TeamPhone", "TeamEmail");

    private static readonly Dictionary<string, ContactColumns> Contacts = new(StringComparer.Ordinal)
    {
        ["yjs.youth_offending"] = new("case_manager", null, "team", "case_manager_phone", "case_manager_email"),
        ["housing.asb_case"] = new("OfficerName", null, "Team", "OfficerPhone", "OfficerEmail"),
        ["careers.neet"] = new("AdviserName", null, null, "AdviserPhone", null),
        ["csc.referral"] = new(null, null, "team", "team_phone", null),
        [DatasetCatalogue.EarlyHelpEpisode] = new("key_worker", "key_worker_role", "team", "key_worker_phone", "key_worker_email"),
        ["idva.referral"] = new("Adviser", null, "Service", "Phone", "Email"),
        ["health.adult_mental_health"] = NhsContact,
        ["health.substance_misuse"] = NhsContact,
        ["health.camhs_referral"] = NhsContact,
        [DatasetCatalogue.ChildInNeedPlan] = SocialCareContact,
        [DatasetCatalogue.ChildProtectionPlan] = SocialCareContact,
        [DatasetCatalogue.LookedAfter] = SocialCareContact,
    };

    /// <summary>Who the dataset <paramref name="code"/> covers; anyone in the area when the catalogue states no limit.</summary>
    public static SourceCoverage Of(string code) => Coverage.GetValueOrDefault(code) ?? Everyone;

    /// <summary>The worker-contact columns of dataset <paramref name="code"/>, or null when its system holds none.</summary>
    public static ContactColumns? ContactOf(string code) => Contacts.GetValueOrDefault(code);
}
