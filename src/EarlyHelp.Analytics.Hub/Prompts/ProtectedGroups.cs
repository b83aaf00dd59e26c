using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>Family-level groups formed from the children's protected characteristics, for review statistics only.</summary>
public static class ProtectedGroups
{
    private static readonly Dictionary<string, string> EthnicityNames = new(StringComparer.Ordinal)
    {
        ["white_british"] = "White British",
        ["white_other"] = "White other",
        ["mixed"] = "Mixed or multiple",
        ["asian"] = "Asian",
        ["black"] = "Black",
        ["other"] = "Other ethnic group",
    };

    /// <summary>
    /// The family's group by its children's ethnicity: the children's shared group, <see cref="ReviewStatistics.SeveralEthnicGroups"/>
    /// when they differ, or <see cref="ReviewStatistics.NotRecorded"/> when no child's is recorded.
    /// </summary>
    public static string ChildrenEthnicity(IEnumerable<ProtectedCharacteristics> children)
    {
        var groups = children.Select(c => c.Ethnicity).Distinct(StringComparer.Ordinal).ToArray();
        return groups.Length switch
        {
            0 => ReviewStatistics.NotRecorded,
            1 => EthnicityNames.GetValueOrDefault(groups[0], groups[0]),
            _ => ReviewStatistics.SeveralEthnicGroups,
        };
    }

    /// <summary>The family's group by whether any child is recorded as disabled (code <c>Y</c>).</summary>
    public static string ChildDisability(IEnumerable<ProtectedCharacteristics> children)
    {
        var list = children.ToArray();
        return list.Length == 0 ? ReviewStatistics.NotRecorded
            : list.Any(c => c.Disability == "Y") ? ReviewStatistics.ChildWithDisability
            : ReviewStatistics.NoChildWithDisability;
    }

    /// <summary>Position of a named ethnic group in the census order of <see cref="ProtectedCodes.Ethnicities"/>; unknown names last.</summary>
    internal static int EthnicityOrder(string name)
    {
        var index = ProtectedCodes.Ethnicities.ToList().FindIndex(code => EthnicityNames[code] == name);
        return index < 0 ? 99 : index;
    }
}
