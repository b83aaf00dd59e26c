using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>
/// The synthetic city's family behind each family the hub derived. The hub links agency records into people
/// and families of its own, so its family ids are not the truth's: a hub person is taken to be the true person
/// most of its records belong to (<c>record_people.csv</c>), and a hub family the true family most of its
/// members belonged to (<c>family_members.csv</c>), ties to the smaller id. A hub family none of whose
/// members can be traced has no true family, and so no true need.
/// </summary>
public static class TruthFamilies
{
    /// <summary>Hub family id to true family id, for <paramref name="families"/>, given the hub's records (dataset, reference, hub person).</summary>
    public static IReadOnlyDictionary<long, long> Match(string truthFolder, IEnumerable<(string Dataset, string RecordRef, long Person)> records, IEnumerable<FamilyHistory> families)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(families);
        var recordPeople = new Dictionary<(string, string), long>();
        foreach (var (line, fields) in Rows(Path.Combine(truthFolder, "record_people.csv"), "dataset,record_id,person_id", 3))
            recordPeople[(fields[0], fields[1])] = Id(fields[2], truthFolder, "record_people.csv", line);

        var truePerson = records
            .Where(r => recordPeople.ContainsKey((r.Dataset, r.RecordRef)))
            .GroupBy(r => r.Person)
            .ToDictionary(g => g.Key, g => Majority(g.Select(r => recordPeople[(r.Dataset, r.RecordRef)])));

        var familiesOfPerson = new Dictionary<long, List<long>>();
        foreach (var (line, fields) in Rows(Path.Combine(truthFolder, RegisterFiles.FamilyMembers.FileName), string.Join(',', RegisterFiles.FamilyMembers.Columns), RegisterFiles.FamilyMembers.Columns.Count))
        {
            var person = Id(fields[1], truthFolder, RegisterFiles.FamilyMembers.FileName, line);
            if (!familiesOfPerson.TryGetValue(person, out var list))
                familiesOfPerson[person] = list = [];
            list.Add(Id(fields[0], truthFolder, RegisterFiles.FamilyMembers.FileName, line));
        }

        var result = new Dictionary<long, long>();
        foreach (var family in families)
        {
            var votes = family.Members
                .Where(m => truePerson.ContainsKey(m.Person.Value))
                .SelectMany(m => familiesOfPerson.GetValueOrDefault(truePerson[m.Person.Value]) ?? [])
                .ToArray();
            if (votes.Length > 0)
                result[family.Family.Value] = Majority(votes);
        }
        return result;
    }

    private static long Majority(IEnumerable<long> ids) =>
        ids.GroupBy(id => id).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    private static long Id(string text, string folder, string file, int line) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new BadInputException(Path.Combine(folder, file), line, 0, $"'{text}' is not a numeric id");

    private static IEnumerable<(int Line, string[] Fields)> Rows(string path, string header, int columns)
    {
        if (!File.Exists(path))
            throw new BadInputException(path, "there is no such truth file here; give the truth folder 'earlyhelp generate' wrote beside the extracts");
        using var reader = new StreamReader(path);
        if (reader.ReadLine() is not { } first || !first.StartsWith(header, StringComparison.Ordinal))
            throw new BadInputException(path, 1, 0, $"expected a header '{header}'");
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            var fields = text.Split(',');
            if (fields.Length < columns)
                throw new BadInputException(path, line, 0, $"expected {columns} fields");
            yield return (line, fields);
        }
    }
}
