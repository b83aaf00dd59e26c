using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// Everything the hub knows about one family, over all time: every person who was ever a member,
/// with their membership periods, their agency records and where they lived. It is assembled once
/// and read at many as-of dates; the point-in-time rules (<see cref="PointInTime.AsOfDate"/>) decide
/// what of it is known at each date, so a history may and usually does hold the future of a date.
/// </summary>
/// <param name="Family">Which family.</param>
/// <param name="Members">Every person who was ever a member, ordered by person id.</param>
public sealed record FamilyHistory(FamilyId Family, IReadOnlyList<MemberHistory> Members);

/// <summary>One person's part in a family's history.</summary>
/// <param name="Person">Who.</param>
/// <param name="BirthMonth">Month of birth.</param>
/// <param name="DeathMonth">Month of death, or null.</param>
/// <param name="Memberships">Periods of membership of this family, ordered by start.</param>
/// <param name="Events">Every agency record about the person, ordered by start (shared by every family the person belongs to).</param>
/// <param name="Residences">Where the person lived, ordered by start.</param>
/// <param name="OptedOut">True when the person is on the opt-out register.</param>
public sealed record MemberHistory(
    PersonId Person,
    YearMonth BirthMonth,
    YearMonth? DeathMonth,
    IReadOnlyList<MembershipPeriod> Memberships,
    ReadOnlyMemory<HistoryEvent> Events,
    IReadOnlyList<ResidencePeriod> Residences,
    bool OptedOut);

/// <summary>A period of membership of a family in a role; <paramref name="End"/> null while it lasts.</summary>
/// <param name="Role">The role.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Day it ended, or null.</param>
public readonly record struct MembershipPeriod(FamilyRole Role, DateOnly Start, DateOnly? End);

/// <summary>
/// A period at an address. The area is kept so that families can be partitioned by area and shown
/// on the panel; it is never a feature (area deprivation would stand in for protected characteristics).
/// </summary>
/// <param name="Household">Which household.</param>
/// <param name="AreaCode">The small area (LSOA) the household lies in.</param>
/// <param name="Start">First day.</param>
/// <param name="End">Day the person left, or null.</param>
public readonly record struct ResidencePeriod(HouseholdId Household, string AreaCode, DateOnly Start, DateOnly? End);
