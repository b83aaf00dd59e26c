using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Web.Security;

/// <summary>The authorisation policies, one per role, named by the role's code; and the claims a session carries.</summary>
public static class Roles
{
    /// <summary>Policy and role of panel members.</summary>
    public static readonly string Panel = UserRole.Panel.Code();

    /// <summary>Policy and role of analysts.</summary>
    public static readonly string Analyst = UserRole.Analyst.Code();

    /// <summary>Policy and role of information governance reviewers.</summary>
    public static readonly string Governance = UserRole.Governance.Code();

    /// <summary>Policy and role of administrators.</summary>
    public static readonly string Administrator = UserRole.Administrator.Code();

    /// <summary>Policy and role of data-matching officers.</summary>
    public static readonly string DataMatching = UserRole.DataMatching.Code();

    /// <summary>Policy of the model registry's pages: analysts and information governance reviewers.</summary>
    public const string ModelReaders = "model_readers";

    /// <summary>Policy of the programme view: panel members and information governance reviewers.</summary>
    public const string ProgrammeReaders = "programme_readers";

    /// <summary>The roles each policy that spans several roles admits.</summary>
    public static IReadOnlyDictionary<string, string[]> SharedPolicies { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [ModelReaders] = [Analyst, Governance],
        [ProgrammeReaders] = [Panel, Governance],
    };

    /// <summary>The claim holding the user's display name.</summary>
    public const string DisplayNameClaim = "display_name";

    /// <summary>Which Razor Pages folder each role may open; every other page needs only a signed-in user, except those marked anonymous.</summary>
    public static IReadOnlyList<(string Folder, string Policy)> Folders { get; } =
    [
        ("/Panel", Panel), ("/Analyst", Analyst), ("/Governance", Governance), ("/Admin", Administrator),
        ("/Matching", DataMatching), ("/Models", ModelReaders), ("/Programme", ProgrammeReaders),
    ];
}
