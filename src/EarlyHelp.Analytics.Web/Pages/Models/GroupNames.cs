using System.Globalization;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>Group and metric names as a reviewer reads them, not as the audit's files store them.</summary>
public static class GroupNames
{
    private static readonly Dictionary<string, string> Known = new(StringComparer.Ordinal)
    {
        ["white_british"] = "White British",
        ["white_other"] = "White other",
        ["mixed"] = "Mixed",
        ["asian"] = "Asian",
        ["black"] = "Black",
        ["other"] = "Other ethnic group",
        ["multiple"] = "Children of more than one group",
        ["not recorded"] = "Not recorded",
        ["female"] = "Girls",
        ["male"] = "Boys",
    };

    private static readonly Dictionary<string, string> Metrics = new(StringComparer.Ordinal)
    {
        ["selection_rate"] = "share of families prompted",
        ["fnr"] = "share of escalating families not prompted",
        ["for"] = "share of families not prompted who escalated",
        ["fpr"] = "share of non-escalating families prompted",
        ["tpr"] = "share of escalating families prompted",
        ["ppv"] = "share of prompted families who escalated",
        ["base_rate"] = "share of families who escalated",
        ["share_of_selected"] = "share of the prompts",
    };

    /// <summary>
    /// A group's readable name: each comma-separated part of a crossed group (<c>white_british, IMD quintiles 3-5</c>)
    /// read on its own; a part the list does not know keeps its words, with underscores as spaces and a capital first letter.
    /// </summary>
    public static string Group(string group) =>
        string.Join(", ", group.Split(", ", StringSplitOptions.None).Select((part, index) =>
            Known.TryGetValue(part, out var known) ? (index == 0 ? known : known.ToLowerInvariant()) : Words(part, index == 0)));

    /// <summary>A metric key in words, counted in families; an unknown key keeps its words.</summary>
    public static string Metric(string metric) => Metrics.TryGetValue(metric, out var words) ? words : Words(metric, false);

    private static string Words(string text, bool capital)
    {
        var spaced = text.Replace('_', ' ');
        return capital && spaced.Length > 0 ? char.ToUpper(spaced[0], CultureInfo.InvariantCulture) + spaced[1..] : spaced;
    }
}
