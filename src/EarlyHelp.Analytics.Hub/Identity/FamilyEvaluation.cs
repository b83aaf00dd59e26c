using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>How the hub's derived families at a date compare with a synthetic city's true families.</summary>
/// <param name="AsOf">The date compared (the hub's extract date).</param>
/// <param name="TrueFamilies">True families with a dependent child (a true person aged 0 to 17, a member that day).</param>
/// <param name="HubFamilies">Hub families with a member the truth names as a dependent child that day.</param>
/// <param name="Matched">True families matched by a hub family: more than half of the true family's children are in it, and they are more than half of its traced children.</param>
/// <param name="TrueChildren">Dependent children of the true families.</param>
/// <param name="ChildrenInTheHub">Of those, children the hub holds a record of.</param>
/// <param name="ChildrenInAFamily">Of those, children in some hub family that day.</param>
public sealed record FamilyCoverage(DateOnly AsOf, long TrueFamilies, long HubFamilies, long Matched, long TrueChildren, long ChildrenInTheHub, long ChildrenInAFamily)
{
    /// <summary>Share of the true families matched.</summary>
    public double MatchedShare => TrueFamilies == 0 ? 0 : (double)Matched / TrueFamilies;

    /// <summary>Share of the true dependent children in a hub family.</summary>
    public double ChildrenShare => TrueChildren == 0 ? 0 : (double)ChildrenInAFamily / TrueChildren;
}

/// <summary>
/// Family coverage against a synthetic city's truth (<c>record_people.csv</c>, <c>people.csv</c>,
/// <c>family_members.csv</c>). Each hub person is taken to be the true person most of its records are (ties to the
/// smaller id), as the fairness audit against true need does. Read only for evaluation.
/// </summary>
public static class FamilyEvaluation
{
    /// <summary>Compares the hub's family memberships on <paramref name="asOf"/> with the truth's.</summary>
    public static FamilyCoverage Evaluate(IEnumerable<(string Dataset, string RecordRef, long Person)> records, IEnumerable<FamilyMembership> memberships,
        string truthFolder, DateOnly asOf)
    {
        var recordPeople = new Dictionary<(string, string), long>();
        foreach (var row in Rows(truthFolder, "record_people.csv", 3))
            recordPeople[(row[0], row[1])] = Id(row[2]);
        var truePerson = records
            .Where(r => recordPeople.ContainsKey((r.Dataset, r.RecordRef)))
            .GroupBy(r => r.Person)
            .ToDictionary(g => g.Key, g => g.Select(r => recordPeople[(r.Dataset, r.RecordRef)])
                .GroupBy(id => id).OrderByDescending(v => v.Count()).ThenBy(v => v.Key).First().Key);

        var birth = Rows(truthFolder, RegisterFiles.People.FileName, 2)
            .ToDictionary(row => Id(row[0]), row => YearMonth.TryParse(row[1], out var month) ? month : (YearMonth?)null);
        bool IsChild(long person) => birth.GetValueOrDefault(person) is { } born && born.FirstDay <= asOf && born.AgeOn(asOf) < CoResidenceFamilies.AdultAge;

        var trueFamilies = Rows(truthFolder, RegisterFiles.FamilyMembers.FileName, 5)
            .Where(row => Covers(DateOnly.ParseExact(row[3], "yyyy-MM-dd", CultureInfo.InvariantCulture), row[4].Length == 0 ? null : DateOnly.ParseExact(row[4], "yyyy-MM-dd", CultureInfo.InvariantCulture), asOf)
                && IsChild(Id(row[1])))
            .GroupBy(row => Id(row[0]), row => Id(row[1]))
            .ToDictionary(g => g.Key, g => g.ToHashSet());

        var hubFamilyOf = new Dictionary<long, long>();
        var hubChildren = new Dictionary<long, HashSet<long>>();
        foreach (var membership in memberships.Where(m => Covers(m.Start, m.End, asOf)).OrderBy(m => m.Start))
        {
            if (!truePerson.TryGetValue(membership.Person.Value, out var person) || !IsChild(person))
                continue;
            hubFamilyOf[person] = membership.Family.Value;
            if (!hubChildren.TryGetValue(membership.Family.Value, out var children))
                hubChildren[membership.Family.Value] = children = [];
            children.Add(person);
        }

        long matched = 0;
        foreach (var children in trueFamilies.Values)
        {
            var best = children.Where(hubFamilyOf.ContainsKey).GroupBy(child => hubFamilyOf[child]).MaxBy(g => g.Count());
            if (best is not null && 2 * best.Count() > children.Count && 2 * best.Count() > hubChildren[best.Key].Count)
                matched++;
        }
        var trueChildren = trueFamilies.Values.SelectMany(c => c).ToArray();
        var traced = truePerson.Values.ToHashSet();
        return new FamilyCoverage(asOf, trueFamilies.Count, hubChildren.Count, matched, trueChildren.Length, trueChildren.Count(traced.Contains),
            trueChildren.Count(hubFamilyOf.ContainsKey));
    }

    private static bool Covers(DateOnly start, DateOnly? end, DateOnly day) => start <= day && (end is null || end > day);

    private static long Id(string text) => long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);

    private static IEnumerable<string[]> Rows(string folder, string file, int columns)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            throw new BadInputException(path, "the truth folder has no such file");
        var line = 1;
        foreach (var text in File.ReadLines(path).Skip(1))
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length < columns)
                throw new BadInputException(path, line, 1, string.Create(CultureInfo.InvariantCulture, $"expected {columns} fields but found {fields.Length}"));
            yield return fields;
        }
    }
}
