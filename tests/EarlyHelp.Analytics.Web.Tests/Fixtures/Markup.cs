using System.Text.RegularExpressions;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>Page source as tests compare it.</summary>
public static partial class Markup
{
    /// <summary>The source with the white space between tags removed: Razor puts table cells on lines of their own.</summary>
    public static string Compact(string html) => BetweenTags().Replace(html, "><");

    [GeneratedRegex(@">\s+<")]
    private static partial Regex BetweenTags();
}
