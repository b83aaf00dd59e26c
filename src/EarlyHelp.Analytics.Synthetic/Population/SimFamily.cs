using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>One family: parents or carers and their dependent children (and any adult children still at home).</summary>
internal sealed class SimFamily
{
    /// <summary>Hub family id.</summary>
    public long Id;

    /// <summary>Position in the lineage's list of families.</summary>
    public int Index;

    /// <summary>The household the family lives in.</summary>
    public required SimHousehold Household;

    /// <summary>Current members.</summary>
    public readonly List<SimPerson> Members = [];

    /// <summary>The family has broken up or left: no current members.</summary>
    public bool Ended;

    /// <summary>What children's social care and early help currently do with the family (observation layer).</summary>
    public readonly CareState Care = new();

    /// <summary>Members in <paramref name="role"/>.</summary>
    public IEnumerable<SimPerson> InRole(FamilyRole role) => Members.Where(m => m.Role == role);

    /// <summary>Number of members in <paramref name="role"/>.</summary>
    public int CountInRole(FamilyRole role)
    {
        var count = 0;
        foreach (var member in Members)
        {
            if (member.Role == role)
                count++;
        }
        return count;
    }
}

/// <summary>A family's current involvement with children's social care and early help, as recorded.</summary>
internal sealed class CareState
{
    /// <summary>The statutory plan the family's children are on.</summary>
    public CareStatus Status;

    /// <summary>Month (ordinal) the current status began.</summary>
    public int StatusSince;

    /// <summary>Month (ordinal) of an assessment under way after a referral, or -1.</summary>
    public int AssessmentDue = -1;

    /// <summary>Month (ordinal) the last referral was made, or -1.</summary>
    public int LastReferral = -1;

    /// <summary>Referrals so far.</summary>
    public int Referrals;

    /// <summary>Month (ordinal) the early help episode ends, or -1 when none is open.</summary>
    public int EarlyHelpUntil = -1;

    /// <summary>Probability that none of this month's agency records so far has led to a contact with social care.</summary>
    public double NoContactChance = 1;

    /// <summary>Day of the first concern this month, or 0.</summary>
    public int FirstConcernDay;
}

/// <summary>Statutory status of a family's children.</summary>
internal enum CareStatus : byte
{
    /// <summary>No plan.</summary>
    None,

    /// <summary>Child in Need plan.</summary>
    ChildInNeed,

    /// <summary>Child Protection plan.</summary>
    ChildProtection,

    /// <summary>Looked after by the local authority.</summary>
    LookedAfter,
}
