using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>Linkage errors in one group of true people (by ethnic group, sex or age band).</summary>
/// <param name="Characteristic">What the groups are of: <c>ethnicity</c>, <c>sex</c> or <c>age band</c>.</param>
/// <param name="Group">The group.</param>
/// <param name="People">True people of the group with at least one record in the hub.</param>
/// <param name="PeopleWithSeveralRecords">Those with two or more records (who can have a missed link).</param>
/// <param name="SplitPeople">Of those, people whose records the hub holds under more than one person (at least one missed link).</param>
/// <param name="FalselyJoinedPeople">People whose records share a hub person with another true person's records (at least one false link).</param>
/// <param name="TruePairs">Pairs of their records that belong together.</param>
/// <param name="MissedPairs">Of those, pairs the hub left apart.</param>
public sealed record GroupLinkageErrors(string Characteristic, string Group, long People, long PeopleWithSeveralRecords, long SplitPeople,
    long FalselyJoinedPeople, long TruePairs, long MissedPairs);

/// <summary>A hub's linkage against a synthetic city's truth.</summary>
/// <param name="Records">Records both in the hub and in the truth.</param>
/// <param name="HubOnly">Hub records the truth does not name.</param>
/// <param name="TruthOnly">Truth records the hub does not hold (dropped by retention, or not loaded).</param>
/// <param name="Pairwise">Pairwise precision, recall and F1.</param>
/// <param name="Clusters">Entity-level measures.</param>
/// <param name="Groups">Errors by ethnic group, sex and age band (at the truth's people file, age at <c>asOf</c>).</param>
public sealed record LinkageEvaluationResult(long Records, long HubOnly, long TruthOnly, PairwiseQuality Pairwise, ClusterQuality Clusters, IReadOnlyList<GroupLinkageErrors> Groups);

/// <summary>
/// Compares the people a hub linked its records into with a synthetic city's truth (<c>record_people.csv</c>:
/// <c>dataset,record_id,person_id</c>, where <c>record_id</c> is the hub's record reference). Read only for evaluation.
/// </summary>
public static class LinkageEvaluation
{
    /// <summary>Age bands, lower bounds in years: children, young adults, adults, older adults (assumption: the bands the fairness audit's age groups would use).</summary>
    public static IReadOnlyList<(int From, string Name)> AgeBands { get; } = [(0, "0-17"), (18, "18-24"), (25, "25-44"), (45, "45-64"), (65, "65+")];

    /// <summary>Evaluates <paramref name="linked"/> (dataset, record reference, hub person) against the truth folder <paramref name="truthFolder"/>.</summary>
    public static LinkageEvaluationResult Evaluate(IEnumerable<(string Dataset, string RecordRef, long Person)> linked, string truthFolder, DateOnly asOf)
    {
        var truth = TruthFiles.ReadRecordPeople(truthFolder);
        var entities = new List<int>();
        var truePeople = new List<string>();
        var hubIndex = new Dictionary<long, int>();
        long hubOnly = 0;
        var seen = new HashSet<(string, string)>();
        foreach (var (dataset, recordRef, person) in linked)
        {
            if (!truth.TryGetValue((dataset, recordRef), out var truePerson))
            {
                hubOnly++;
                continue;
            }
            seen.Add((dataset, recordRef));
            if (!hubIndex.TryGetValue(person, out var entity))
                hubIndex[person] = entity = hubIndex.Count;
            entities.Add(entity);
            truePeople.Add(truePerson);
        }
        var pairwise = LinkageQuality.Pairwise(entities, truePeople);
        var clusters = LinkageQuality.Clusters(entities, truePeople);
        var groups = GroupErrors(entities, truePeople, truthFolder, asOf);
        return new LinkageEvaluationResult(entities.Count, hubOnly, truth.Count - seen.Count, pairwise, clusters, groups);
    }

    private static IReadOnlyList<GroupLinkageErrors> GroupErrors(List<int> entities, List<string> truePeople, string truthFolder, DateOnly asOf)
    {
        var protectedRows = ReadColumns(Path.Combine(truthFolder, "people_protected.csv"), "person_id", "sex", "ethnicity");
        var people = ReadColumns(Path.Combine(truthFolder, "people.csv"), "person_id", "birth_month");
        var entitiesOfEntity = entities.Select((entity, i) => (entity, person: truePeople[i])).GroupBy(x => x.entity)
            .ToDictionary(g => g.Key, g => g.Select(x => x.person).Distinct().Count());
        var perPerson = entities.Select((entity, i) => (entity, person: truePeople[i])).GroupBy(x => x.person).Select(g =>
        {
            var records = g.Count();
            var byEntity = g.GroupBy(x => x.entity).Select(e => (long)e.Count()).ToArray();
            var linkedPairs = byEntity.Sum(m => m * (m - 1) / 2);
            return (Person: g.Key, Records: records, Split: byEntity.Length > 1, Joined: g.Any(x => entitiesOfEntity[x.entity] > 1),
                TruePairs: (long)records * (records - 1) / 2, Missed: (long)records * (records - 1) / 2 - linkedPairs);
        }).ToArray();

        var result = new List<GroupLinkageErrors>();
        foreach (var (characteristic, groupOf) in new (string, Func<string, string>)[]
        {
            ("ethnicity", person => protectedRows.TryGetValue(person, out var row) ? row[1] : "not recorded"),
            ("sex", person => protectedRows.TryGetValue(person, out var row) ? row[0] : "not recorded"),
            ("age band", person => people.TryGetValue(person, out var row) && YearMonth.TryParse(row[0], out var birth) ? AgeBand(birth, asOf) : "not recorded"),
        })
        {
            foreach (var group in perPerson.GroupBy(p => groupOf(p.Person)).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                result.Add(new GroupLinkageErrors(characteristic, group.Key, group.Count(), group.Count(p => p.Records > 1), group.Count(p => p.Split),
                    group.Count(p => p.Joined), group.Sum(p => p.TruePairs), group.Sum(p => p.Missed)));
            }
        }
        return result;
    }

    private static string AgeBand(YearMonth birth, DateOnly asOf)
    {
        var months = (asOf.Year - birth.Year) * 12 + asOf.Month - birth.Month;
        var years = months / 12;
        return AgeBands.Last(band => years >= band.From).Name;
    }

    private static Dictionary<string, string[]> ReadColumns(string path, string key, params string[] columns)
    {
        if (!File.Exists(path))
            return [];
        return TruthFiles.ReadRows(path, [key, .. columns]).GroupBy(row => row[0]).ToDictionary(g => g.Key, g => g.First()[1..]);
    }
}
