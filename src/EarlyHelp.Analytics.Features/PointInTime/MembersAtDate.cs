using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.PointInTime;

/// <summary>
/// Who is in a family at T: a person is a member when one of their memberships is in force at T
/// (see <see cref="AsOfDate.InForce"/>) and their death is not known before T. A dependent child is
/// a member aged 0 to 17 at T, whatever their role (a child in law, the Children Act 1989 s.105);
/// an adult is a member aged 18 or over.
/// </summary>
public static class MembersAtDate
{
    /// <summary>Oldest age, in whole years, of a dependent child.</summary>
    public const int OldestChildAge = 17;

    /// <summary>
    /// The member's role at T, or null when they are not a member at T. When two memberships are in
    /// force the later-starting one holds (an earlier one whose end has not been recorded yet).
    /// </summary>
    public static FamilyRole? RoleAt(MemberHistory member, AsOfDate asOf)
    {
        if (!asOf.IsAlive(member.DeathMonth))
            return null;
        FamilyRole? role = null;
        var latestStart = DateOnly.MinValue;
        for (var i = 0; i < member.Memberships.Count; i++)
        {
            var period = member.Memberships[i];
            if (asOf.InForce(period.Start, period.End) && (role is null || period.Start > latestStart))
            {
                role = period.Role;
                latestStart = period.Start;
            }
        }
        return role;
    }

    /// <summary>Age in whole years at T (birth is known to the month; see <see cref="YearMonth.AgeOn"/>).</summary>
    public static int AgeAt(MemberHistory member, AsOfDate asOf) => member.BirthMonth.AgeOn(asOf.Date);

    /// <summary>True when an age makes a dependent child.</summary>
    public static bool IsChildAge(int age) => age is >= 0 and <= OldestChildAge;

    /// <summary>The dependent children who are members at T, in member order.</summary>
    public static IEnumerable<MemberHistory> Children(FamilyHistory history, AsOfDate asOf) =>
        history.Members.Where(m => RoleAt(m, asOf) is not null && IsChildAge(AgeAt(m, asOf)));
}
