namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>What a panel-app user may see and do. Each user has exactly one role.</summary>
public enum UserRole
{
    /// <summary>Early-help panel member: the prompt queue, prompt pages, reviews and re-identification.</summary>
    Panel,

    /// <summary>Analyst: scoring runs, models and reports, in aggregate only.</summary>
    Analyst,

    /// <summary>Information governance reviewer: the audit log, review statistics, model cards and reports; no family-level evidence.</summary>
    Governance,

    /// <summary>Administrator: users and the opt-out register.</summary>
    Administrator,

    /// <summary>Data-matching officer: the clerical review of record pairs linkage could not settle, with the identity fields that needs.</summary>
    DataMatching,
}

/// <summary>Codes and plain names of <see cref="UserRole"/> values.</summary>
public static class UserRoles
{
    /// <summary>Every role, in the order forms list them.</summary>
    public static IReadOnlyList<UserRole> All { get; } = [UserRole.Panel, UserRole.Analyst, UserRole.Governance, UserRole.Administrator, UserRole.DataMatching];

    /// <summary>The stored code, also used on the command line: <c>panel</c>, <c>analyst</c>, <c>ig</c>, <c>admin</c> or <c>matching</c>.</summary>
    public static string Code(this UserRole role) => role switch
    {
        UserRole.Panel => "panel",
        UserRole.Analyst => "analyst",
        UserRole.Governance => "ig",
        UserRole.Administrator => "admin",
        UserRole.DataMatching => "matching",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown user role."),
    };

    /// <summary>A plain name, e.g. "Panel member".</summary>
    public static string PlainName(this UserRole role) => role switch
    {
        UserRole.Panel => "Panel member",
        UserRole.Analyst => "Analyst",
        UserRole.Governance => "Information governance reviewer",
        UserRole.Administrator => "Administrator",
        UserRole.DataMatching => "Data-matching officer",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown user role."),
    };

    /// <summary>Reads a code; returns false for anything else.</summary>
    public static bool TryParse(string? code, out UserRole role)
    {
        foreach (var candidate in All)
        {
            if (candidate.Code() == code)
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }
}
