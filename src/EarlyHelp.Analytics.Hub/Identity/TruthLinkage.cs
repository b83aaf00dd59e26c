using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Perfect linkage, for evaluation only: each record is linked to the person a synthetic city's truth
/// (<c>record_people.csv</c>) says it is, so that analysts can measure what linkage error costs the model (the same
/// city trained once on this hub and once on the model-linked one). No real hub has a truth; nothing is estimated,
/// compared or queued, and clerical decisions do not apply. A record the truth does not name stays a person of its own.
/// </summary>
public static class TruthLinkage
{
    /// <summary>A linker reading the truth in <paramref name="truthFolder"/> now, so that a missing or malformed truth stops the load before anything is read.</summary>
    public static RecordLinker From(string truthFolder)
    {
        if (!Directory.Exists(truthFolder))
            throw new BadInputException(truthFolder, "no such truth folder; linking by the truth needs the folder 'earlyhelp generate' wrote beside the extracts");
        var truth = TruthFiles.ReadRecordPeople(truthFolder);
        return (records, _, _) => Link(records, truth);
    }

    private static PersonLinkageResult Link(IReadOnlyList<IdentityRecord> records, IReadOnlyDictionary<(string, string), string> truth)
    {
        var entityOfPerson = new Dictionary<string, int>(StringComparer.Ordinal);
        var entities = new int[records.Count];
        var next = 0;
        for (var i = 0; i < records.Count; i++)
        {
            if (!truth.TryGetValue(records[i].Key, out var person))
                entities[i] = next++;
            else if (!entityOfPerson.TryGetValue(person, out entities[i]))
                entityOfPerson[person] = entities[i] = next++;
        }
        var sizes = new int[next];
        foreach (var entity in entities)
            sizes[entity]++;
        // Certain by construction: probability 1 for a record joined to others, none for a person's only record (as the model leaves it).
        for (var i = 0; i < records.Count; i++)
            records[i].MatchProbability = sizes[entities[i]] > 1 ? 1.0 : double.NaN;
        return new PersonLinkageResult(entities, Model: null, ComparedPairs: 0, new ExpectedLinkErrors(0, 0, 0, 0), Queue: []);
    }
}
