using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>
/// The synthetic city's family behind each family the hub derived. The hub links agency records into people
/// and families of its own, so its family ids are not the truth's: a hub person is taken to be the true person
/// most of its records belong to (<c>record_people.csv</c>), and a hub family the true family most of its
/// members belonged to (<c>family_members.csv</c>), ties to the smaller id. Given the audit's date, only the hub
/// family's members on that day vote, each for the true family they belonged to on that day, so that a parent's
/// earlier family (the one they grew up in, a previous partner's) does not outvote the family being audited; a
/// hub family with no such vote falls back to every membership of every member. A hub family none of whose
/// members can be traced has no true family, and so no true need.
/// </summary>
public static class TruthFamilies
{
    /// <summary>Hub family id to true family id, for <paramref name="families"/>, given the hub's records (dataset, reference, hub person) and, when known, the audit's date.</summary>
    public static IReadOnlyDictionary<long, long> Match(string truthFolder, IEnumerable<(string Dataset, string RecordRef, long Person)> records, IEnumerable<FamilyHistory> families,
        DateOnly? asOf = null) =>
        Match(truthFolder, TruePeople(truthFolder, records), families, asOf);

    /// <summary>Hub family id to true family id, for <paramref name="families"/>, given the true person behind each hub person (<see cref="TruePeople"/>) and, when known, the audit's date.</summary>
    public static IReadOnlyDictionary<long, long> Match(string truthFolder, IReadOnlyDictionary<long, long> truePerson, IEnumerable<FamilyHistory> families,
        DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(truePerson);
        ArgumentNullException.ThrowIfNull(families);

        var familiesOfPerson = new Dictionary<long, List<(long Family, bool OnTheDay)>>();
        foreach (var (line, fields) in Rows(Path.Combine(truthFolder, RegisterFiles.FamilyMembers.FileName), string.Join(',', RegisterFiles.FamilyMembers.Columns), RegisterFiles.FamilyMembers.Columns.Count))
        {
            var person = Id(fields[1], truthFolder, RegisterFiles.FamilyMembers.FileName, line);
            if (!familiesOfPerson.TryGetValue(person, out var list))
                familiesOfPerson[person] = list = [];
            var onTheDay = asOf is { } day && string.CompareOrdinal(fields[3], Iso(day)) <= 0 && (fields[4].Length == 0 || string.CompareOrdinal(fields[4], Iso(day)) > 0);
            list.Add((Id(fields[0], truthFolder, RegisterFiles.FamilyMembers.FileName, line), onTheDay));
        }

        var result = new Dictionary<long, long>();
        foreach (var family in families)
        {
            var traced = family.Members.Where(m => truePerson.ContainsKey(m.Person.Value)).ToArray();
            var votes = asOf is { } day
                ? traced.Where(m => MembersAtDate.RoleAt(m, new AsOfDate(day)) is not null)
                    .SelectMany(m => (familiesOfPerson.GetValueOrDefault(truePerson[m.Person.Value]) ?? []).Where(f => f.OnTheDay).Select(f => f.Family))
                    .ToArray()
                : [];
            if (votes.Length == 0)
                votes = traced.SelectMany(m => (familiesOfPerson.GetValueOrDefault(truePerson[m.Person.Value]) ?? []).Select(f => f.Family)).ToArray();
            if (votes.Length > 0)
                result[family.Family.Value] = Majority(votes);
        }
        return result;
    }

    /// <summary>Hub person id to the true person most of its records belong to (ties to the smaller id); hub people with no record in the truth are left out.</summary>
    public static IReadOnlyDictionary<long, long> TruePeople(string truthFolder, IEnumerable<(string Dataset, string RecordRef, long Person)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var recordPeople = new Dictionary<(string, string), long>();
        foreach (var (line, fields) in Rows(Path.Combine(truthFolder, "record_people.csv"), "dataset,record_id,person_id", 3))
            recordPeople[(fields[0], fields[1])] = Id(fields[2], truthFolder, "record_people.csv", line);
        return records
            .Where(r => recordPeople.ContainsKey((r.Dataset, r.RecordRef)))
            .GroupBy(r => r.Person)
            .ToDictionary(g => g.Key, g => Majority(g.Select(r => recordPeople[(r.Dataset, r.RecordRef)])));
    }

    /// <summary>
    /// The truth's protected characteristics (<c>people_protected.csv</c>) of the true person behind each hub person,
    /// keyed by the hub person: the audit against true need groups families by who they truly are, as it judges them
    /// by what they truly needed.
    /// </summary>
    public static IProtectedCharacteristicsReader Characteristics(string truthFolder, IReadOnlyDictionary<long, long> truePeople)
    {
        ArgumentNullException.ThrowIfNull(truePeople);
        var file = RegisterFiles.PeopleProtected;
        var byTruePerson = new Dictionary<long, string[]>();
        foreach (var (line, fields) in Rows(Path.Combine(truthFolder, file.FileName), string.Join(',', file.Columns), file.Columns.Count))
            byTruePerson[Id(fields[0], truthFolder, file.FileName, line)] = fields;
        return new TruthCharacteristics(truePeople
            .Where(p => byTruePerson.ContainsKey(p.Value))
            .Select(p => (Hub: p.Key, Fields: byTruePerson[p.Value]))
            .Select(p => new ProtectedCharacteristics(new PersonId(p.Hub), p.Fields[1], p.Fields[2], p.Fields[3]))
            .ToArray());
    }

    private sealed class TruthCharacteristics(IReadOnlyList<ProtectedCharacteristics> rows) : IProtectedCharacteristicsReader
    {
        public IEnumerable<ProtectedCharacteristics> ProtectedCharacteristics() => rows;
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

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
