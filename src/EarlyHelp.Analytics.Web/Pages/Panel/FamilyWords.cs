using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>A family's context in plain words, with the plurals right, for the queue, the prompt page and the information pack.</summary>
public static class FamilyWords
{
    /// <summary>"2 children, aged 3 and 7", "1 child, aged under 1", or "No child recorded".</summary>
    public static string Children(IReadOnlyList<int> ages) => ages.Count switch
    {
        0 => "No child recorded",
        1 => $"1 child, aged {Age(ages[0])}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{ages.Count} children, aged {List(ages.Select(Age).ToArray())}"),
    };

    /// <summary>An age in years, "under 1" below one.</summary>
    public static string Age(int years) => years < 1 ? "under 1" : years.ToString(CultureInfo.InvariantCulture);

    /// <summary>A role in words: "Parent or carer", "Child", "Other member".</summary>
    public static string Role(FamilyRole role) => role switch
    {
        FamilyRole.Parent => "Parent or carer",
        FamilyRole.Child => "Child",
        _ => "Other member",
    };

    /// <summary>The agencies with a record open at T, each once, in the order first met.</summary>
    public static IReadOnlyList<string> AgenciesNow(PromptContext context) =>
        context.OpenNow.Select(r => r.Definition?.Agency ?? r.Dataset).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>The agencies with a record ended in the last 12 months and none open now, each once.</summary>
    public static IReadOnlyList<string> AgenciesRecently(PromptContext context)
    {
        var now = AgenciesNow(context);
        return context.Recent.Select(r => r.Definition?.Agency ?? r.Dataset).Distinct(StringComparer.Ordinal).Except(now, StringComparer.Ordinal).ToArray();
    }

    /// <summary>A count and its noun phrase, singular for one: "1 source has", "3 sources have".</summary>
    public static string Count(int count, string one, string many) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}");

    /// <summary>"a", "a and b", "a, b and c".</summary>
    public static string List(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };
}
