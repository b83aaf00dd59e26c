using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>A family at an as-of date, as the audit sees it.</summary>
/// <param name="History">The family's history.</param>
/// <param name="AsOf">The as-of date of its row.</param>
public sealed record AuditedFamily(FamilyHistory History, DateOnly AsOf);

/// <summary>
/// The groups of the fairness audit, one value per family row: the ethnicity of the family's children,
/// their sex, disability in the family, the deprivation of its home's area, and ethnicity by
/// deprivation. Protected characteristics are read here, through
/// <see cref="IProtectedCharacteristicsReader"/>, and nowhere else in training; area deprivation is
/// allowed in the audit and never as a feature.
/// </summary>
public static class FamilyGroups
{
    /// <summary>Group column of the children's ethnicity.</summary>
    public const string Ethnicity = "ethnicity";

    /// <summary>Group column of the children's sex.</summary>
    public const string Sex = "sex of the children";

    /// <summary>Group column of disability in the family.</summary>
    public const string Disability = "disability in the family";

    /// <summary>Group column of the home area's deprivation quintile.</summary>
    public const string Deprivation = "area deprivation";

    /// <summary>Group column of ethnicity by the two halves of deprivation.</summary>
    public const string EthnicityByDeprivation = "ethnicity × deprivation";

    /// <summary>The children's ethnicities differ.</summary>
    public const string MultipleEthnicities = "multiple";

    /// <summary>Not in the protected-characteristics register.</summary>
    public const string NotRecorded = "not recorded";

    /// <summary>The reference groups: most numerous or least exposed, so ratios read as "compared with the usual case".</summary>
    public static IReadOnlyList<string> ReferenceGroups { get; } =
        ["white_british", "no disabled member", "IMD quintile 5 (least deprived)", "white_british, IMD quintiles 3-5"];

    /// <summary>
    /// The five group columns for <paramref name="families"/>. The home is the household where the most
    /// children of the family live at T (the lowest household id on a tie); its IMD decile gives the quintile.
    /// </summary>
    public static IReadOnlyList<GroupColumn> Build(
        IReadOnlyList<AuditedFamily> families, IProtectedCharacteristicsReader characteristics, IEnumerable<Household> households)
    {
        ArgumentNullException.ThrowIfNull(families);
        ArgumentNullException.ThrowIfNull(characteristics);
        ArgumentNullException.ThrowIfNull(households);
        var wanted = families.SelectMany(f => f.History.Members.Select(m => m.Person)).ToHashSet();
        var byPerson = characteristics.ProtectedCharacteristics().Where(c => wanted.Contains(c.Person)).ToDictionary(c => c.Person);
        var deciles = households.ToDictionary(h => h.Id, h => h.ImdDecile);

        var ethnicity = new string[families.Count];
        var sex = new string[families.Count];
        var disability = new string[families.Count];
        var deprivation = new string[families.Count];
        var crossed = new string[families.Count];
        for (var i = 0; i < families.Count; i++)
        {
            var asOf = new AsOfDate(families[i].AsOf);
            var history = families[i].History;
            var members = history.Members.Where(m => MembersAtDate.RoleAt(m, asOf) is not null).ToArray();
            var children = MembersAtDate.Children(history, asOf).ToArray();
            var childTraits = children.Select(c => byPerson.GetValueOrDefault(c.Person)).ToArray();
            ethnicity[i] = EthnicityOf(childTraits);
            sex[i] = SexOf(childTraits);
            disability[i] = members.Any(m => byPerson.GetValueOrDefault(m.Person)?.Disability == "Y") ? "disabled member" : "no disabled member";
            var decile = Home(children, asOf) is { } home && deciles.TryGetValue(home, out var d) ? d : (int?)null;
            deprivation[i] = decile is { } known ? QuintileName((known + 1) / 2) : NotRecorded;
            crossed[i] = $"{ethnicity[i]}, {(decile is null ? NotRecorded : decile <= 4 ? "IMD quintiles 1-2" : "IMD quintiles 3-5")}";
        }
        return
        [
            new GroupColumn(Ethnicity, ethnicity), new GroupColumn(Sex, sex), new GroupColumn(Disability, disability),
            new GroupColumn(Deprivation, deprivation), new GroupColumn(EthnicityByDeprivation, crossed),
        ];
    }

    /// <summary>The name of IMD quintile 1 (most deprived) to 5 (least deprived).</summary>
    public static string QuintileName(int quintile) => quintile switch
    {
        1 => "IMD quintile 1 (most deprived)",
        5 => "IMD quintile 5 (least deprived)",
        _ => $"IMD quintile {quintile}",
    };

    private static string EthnicityOf(ProtectedCharacteristics?[] children)
    {
        var known = children.Where(c => c is not null).Select(c => c!.Ethnicity).Distinct().ToArray();
        return known.Length switch
        {
            0 => NotRecorded,
            1 => known[0],
            _ => MultipleEthnicities,
        };
    }

    private static string SexOf(ProtectedCharacteristics?[] children)
    {
        var girls = children.Any(c => c?.Sex == "F");
        var boys = children.Any(c => c?.Sex == "M");
        return (girls, boys) switch
        {
            (true, true) => "girls and boys",
            (true, false) => "girls only",
            (false, true) => "boys only",
            _ => NotRecorded,
        };
    }

    private static HouseholdId? Home(MemberHistory[] children, AsOfDate asOf)
    {
        var counts = new Dictionary<HouseholdId, int>();
        foreach (var child in children)
        {
            foreach (var residence in child.Residences)
            {
                if (asOf.InForce(residence.Start, residence.End))
                {
                    counts[residence.Household] = counts.GetValueOrDefault(residence.Household) + 1;
                    break;
                }
            }
        }
        return counts.Count == 0 ? null : counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key.Value).First().Key;
    }
}
