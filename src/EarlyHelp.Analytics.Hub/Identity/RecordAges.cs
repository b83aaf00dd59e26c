using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// The ages a record's dataset and role imply on the record's date, as a range of dates of birth for linkage
/// (<see cref="LinkageRecord.ImpliedBirthDates"/>): a school pupil is a child, a benefit claimant or council-tax occupant
/// an adult, a parent contact an adult. Two records whose implied ages cannot be one person's never join, even when the
/// names agree and neither has a date of birth. Each bound is the service's rule widened by a year or more for
/// records dated loosely (a period's start, a late registration), so that a true link is never refused by it.
/// </summary>
public static class RecordAges
{
    /// <summary>Ages in whole years on the record's date; a null bound is open.</summary>
    /// <param name="Minimum">The youngest the person can be, or null.</param>
    /// <param name="Maximum">The oldest the person can be, or null.</param>
    public readonly record struct AgeBounds(int? Minimum, int? Maximum);

    // Roles of council files (dataset/role) and dataset codes of events, with their reasons.
    private static readonly Dictionary<string, AgeBounds> ByContext = new(StringComparer.Ordinal)
    {
        // School census and pupil records: state schools take children from nursery (2 or 3) to the end of sixth form
        // (the academic year in which they turn 19); the upper bound allows a year's lateness.
        ["school_census/pupil"] = new(2, 20),
        ["school_pupil_contacts/pupil"] = new(2, 20),
        ["school.persistent_absence"] = new(2, 20),
        ["school.suspension"] = new(2, 20),
        ["school.permanent_exclusion"] = new(2, 20),
        ["school.missing_education"] = new(2, 20),
        // A parent or carer contact, a social care carer, a tenancy's lead or partner: adults (16 leaves two years for a
        // young parent or a sixteen-year-old tenant).
        ["school_pupil_contacts/contact"] = new(16, null),
        ["csc_child_carers/carer"] = new(16, null),
        ["housing_tenancy_members/member:lead"] = new(16, null),
        ["housing_tenancy_members/member:partner"] = new(16, null),
        // Council tax counts adults (18 or over; Local Government Finance Act 1992, s.6); one year's margin.
        ["council_tax_occupants/occupant"] = new(17, null),
        ["revenues.council_tax_arrears"] = new(17, null),
        // A child in social care: under 18 at the start (no lower bound: an unborn child can be referred).
        ["csc_child_carers/child"] = new(null, 17),
        ["police.missing_child"] = new(null, 17),
        // Health visitors see children under 5 (no lower bound: antenatal contacts).
        ["health.health_visitor_concern"] = new(null, 5),
        // A mother at a birth notification.
        ["health_visitor_births/mother"] = new(11, null),
        // Out-of-work benefits are claimed from 16 (Universal Credit from 18, 16–17 in some circumstances).
        ["dwp.out_of_work_benefit"] = new(16, null),
        // Youth justice: the age of criminal responsibility is 10; a youth outcome is given before 18 (one year's margin).
        ["yjs.youth_offending"] = new(10, 18),
        ["police.offence_suspect"] = new(10, null),
        // NEET figures cover 16–18 and young people with an EHC plan to 25.
        ["careers.neet"] = new(15, 25),
        // MARAC and IDVA services are for victims of 16 and over (the statutory definition of domestic abuse).
        ["marac.case"] = new(16, null),
        ["idva.referral"] = new(16, null),
    };

    /// <summary>The age bounds of a record's context, or null when its dataset and role imply none.</summary>
    public static AgeBounds? Of(IdentityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return ByContext.TryGetValue(ContextOf(record), out var bounds) ? bounds : null;
    }

    /// <summary>The dates of birth a record's context allows on its date, or null without a date or a context.</summary>
    public static BirthDateRange? ImpliedBirthDates(IdentityRecord record) =>
        record.ValidFrom is { } on && Of(record) is { } bounds ? BirthDateRange.ForAge(on, bounds.Minimum, bounds.Maximum) : null;

    // An event's dataset code; a council file's dataset and role ("row ref/role"), and a tenancy member's relationship to the lead.
    private static string ContextOf(IdentityRecord record)
    {
        if (record.Kind == IdentityRecordKind.Event)
            return record.Dataset;
        var slash = record.RecordRef.LastIndexOf('/');
        var context = slash < 0 ? record.Dataset : record.Dataset + record.RecordRef[slash..];
        return record.Dataset == "housing_tenancy_members" && record.Relationship is { Length: > 0 } relationship
            ? context + ":" + relationship.Trim().ToLowerInvariant()
            : context;
    }
}
