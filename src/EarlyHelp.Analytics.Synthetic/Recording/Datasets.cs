using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>Positions in <see cref="DatasetCatalogue.All"/> of the datasets the generator writes, looked up by code so that a renamed code fails at once.</summary>
internal static class Datasets
{
    /// <summary>Number of datasets in the catalogue.</summary>
    public static readonly int Count = DatasetCatalogue.All.Count;

#pragma warning disable CS1591 // One field per catalogue code; the code is its documentation.
    public static readonly int AsbIncident = Find("police.asb_incident");
    public static readonly int OffenceSuspect = Find("police.offence_suspect");
    public static readonly int YouthOffending = Find("yjs.youth_offending");
    public static readonly int HousingAsb = Find("housing.asb_case");
    public static readonly int PersistentAbsence = Find("school.persistent_absence");
    public static readonly int Suspension = Find("school.suspension");
    public static readonly int PermanentExclusion = Find("school.permanent_exclusion");
    public static readonly int MissingEducation = Find("school.missing_education");
    public static readonly int Neet = Find("careers.neet");
    public static readonly int ContactNotProgressed = Find("csc.contact_not_progressed");
    public static readonly int Referral = Find("csc.referral");
    public static readonly int EarlyHelp = Find(DatasetCatalogue.EarlyHelpEpisode);
    public static readonly int MissingChild = Find("police.missing_child");
    public static readonly int HealthVisitorConcern = Find("health.health_visitor_concern");
    public static readonly int OutOfWorkBenefit = Find("dwp.out_of_work_benefit");
    public static readonly int RentArrears = Find("housing.rent_arrears");
    public static readonly int NoticeSeekingPossession = Find("housing.notice_seeking_possession");
    public static readonly int CouncilTaxArrears = Find("revenues.council_tax_arrears");
    public static readonly int Homelessness = Find("housing.homelessness_application");
    public static readonly int CrisisSupport = Find("welfare.crisis_support");
    public static readonly int DomesticAbuseIncident = Find("police.domestic_abuse_incident");
    public static readonly int Marac = Find("marac.case");
    public static readonly int Idva = Find("idva.referral");
    public static readonly int ProtectionNotice = Find("police.protection_notice");
    public static readonly int AdultMentalHealth = Find("health.adult_mental_health");
    public static readonly int SubstanceMisuse = Find("health.substance_misuse");
    public static readonly int Camhs = Find("health.camhs_referral");
    public static readonly int AccidentAndEmergency = Find("health.ae_attendance");
    public static readonly int ChildInNeedPlan = Find(DatasetCatalogue.ChildInNeedPlan);
    public static readonly int ChildProtectionPlan = Find(DatasetCatalogue.ChildProtectionPlan);
    public static readonly int LookedAfter = Find(DatasetCatalogue.LookedAfter);
#pragma warning restore CS1591

    /// <summary>Datasets whose records are about children and end when the child turns eighteen.</summary>
    public static readonly bool[] EndsAtEighteen = Flags(YouthOffending, MissingEducation, Neet, EarlyHelp, Camhs, ChildInNeedPlan, ChildProtectionPlan, LookedAfter);

    private static int Find(string code)
    {
        for (var i = 0; i < DatasetCatalogue.All.Count; i++)
        {
            if (DatasetCatalogue.All[i].Code == code)
                return i;
        }
        throw new InvalidOperationException($"The dataset catalogue has no '{code}'.");
    }

    private static bool[] Flags(params int[] datasets)
    {
        var flags = new bool[Count];
        foreach (var dataset in datasets)
            flags[dataset] = true;
        return flags;
    }
}
