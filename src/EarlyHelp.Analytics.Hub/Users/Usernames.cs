using System.Globalization;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>Rules for user names and display names.</summary>
public static class Usernames
{
    /// <summary>Shortest user name.</summary>
    public const int MinimumLength = 3;

    /// <summary>Longest user name.</summary>
    public const int MaximumLength = 64;

    /// <summary>Longest display name.</summary>
    public const int MaximumDisplayNameLength = 100;

    /// <summary>The stored form of a user name: trimmed and lower case.</summary>
    public static string Normalise(string? username) => (username ?? "").Trim().ToLowerInvariant();

    /// <summary>Problems with a new user's name and display name, one message each.</summary>
    public static IEnumerable<string> Check(string username, string? displayName)
    {
        if (username.Length is < MinimumLength or > MaximumLength ||
            !username.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '.' or '_' or '-'))
        {
            yield return $"The user name must be {MinimumLength} to {MaximumLength} of the letters a-z, digits, '.', '_' and '-'. Got '{username}' instead.";
        }
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Length > MaximumDisplayNameLength)
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The display name must hold 1 to {MaximumDisplayNameLength} characters. Got {displayName?.Length ?? 0} instead.");
    }
}
