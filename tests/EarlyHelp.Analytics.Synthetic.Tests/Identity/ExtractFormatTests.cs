using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Identity;

/// <summary>The extract folder holds what docs/extracts.md promises and nothing that gives the truth away.</summary>
public sealed class ExtractFormatTests
{
    [Fact]
    public void Generate_CouncilFiles_HaveExactlyTheContractedColumnsAndRows()
    {
        var city = GeneratedCities.Small;
        foreach (var layout in CouncilFiles.All)
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
            Assert.Equal(layout.Columns, table.Header);
            Assert.True(table.Rows.Count > 0, $"{layout.FileName} has no rows");
            Assert.All(table.Rows, row => Assert.Equal(layout.Columns.Count, row.Length));
            // Row references are unique in the file.
            var ids = table.Rows.Select(r => r[table.Column(layout.RecordIdColumn)]).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            // Every column a person-row names is a column of the file.
            foreach (var person in layout.People)
            {
                foreach (var column in new[] { person.PersonRef, person.Forename, person.Surname, person.BirthDate, person.Sex, person.Address, person.Postcode, person.Uprn, person.NhsNumber }.OfType<string>())
                    Assert.Contains(column, layout.Columns);
            }
        }
    }

    [Fact]
    public void Generate_ExtractFolder_HoldsNoHubPersonHouseholdOrFamilyId()
    {
        var city = GeneratedCities.Small;
        var folder = new ExtractFolder(city);
        var hubIds = folder.Table(RegisterFiles.People).Rows.Select(r => r[0])
            .Concat(folder.Table(RegisterFiles.Households).Rows.Select(r => r[0]))
            .Concat(folder.Table(RegisterFiles.Families).Rows.Select(r => r[0]))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(hubIds.Count > 10_000);

        foreach (var file in city.Manifest.Files)
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, file.Path));
            foreach (var row in table.Rows)
            {
                var leaked = row.FirstOrDefault(hubIds.Contains);
                Assert.True(leaked is null, $"{file.Path} holds the hub id {leaked}");
            }
        }
    }

    [Fact]
    public void Generate_RecordPeople_NamesTheTruePersonOfEveryRecordAndPersonRow()
    {
        var city = GeneratedCities.Small;
        var folder = new ExtractFolder(city);
        var people = folder.People.Keys.ToHashSet();
        foreach (var dataset in DatasetCatalogue.All)
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, dataset.Layout.FileName));
            var truth = folder.TruePeople(dataset.Code);
            Assert.Equal(table.Rows.Count, truth.Count);
            Assert.All(table.Rows, row => Assert.Contains(truth[row[table.Column(dataset.Layout.RecordIdColumn)]], people));
        }
        foreach (var layout in CouncilFiles.All.Where(c => c.People.Count > 0))
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
            var truth = folder.TruePeople(CouncilFiles.DatasetName(layout));
            Assert.Equal(table.Rows.Count * layout.People.Count, truth.Count);
            foreach (var row in table.Rows)
            {
                foreach (var person in layout.People)
                    Assert.Contains(truth[row[table.Column(layout.RecordIdColumn)] + "/" + person.Role], people);
            }
        }
    }

    [Fact]
    public void Generate_SamePersonInOneSystem_KeepsOneReferenceExceptDuplicateRegistrations()
    {
        // Police references across the four police extracts: the share of (person, reference) pairs beyond one
        // reference per person is the duplicate-registration rate, 1.5% of people, each of whose records picks one
        // of the two references at random, so at most 1.5% of people show two.
        var city = GeneratedCities.Small;
        var folder = new ExtractFolder(city);
        var references = new Dictionary<long, HashSet<string>>();
        var owners = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var dataset in DatasetCatalogue.All.Where(d => d.Agency == AgencyStyle.Police.Agency))
        {
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, dataset.Layout.FileName));
            var truth = folder.TruePeople(dataset.Code);
            foreach (var row in table.Rows)
            {
                var person = truth[row[table.Column(dataset.Layout.RecordIdColumn)]];
                var reference = row[table.Column(dataset.Layout.PersonIdColumn)];
                (references.TryGetValue(person, out var set) ? set : references[person] = []).Add(reference);
                // A reference never belongs to two people.
                Assert.Equal(person, owners.TryGetValue(reference, out var owner) ? owner : owners[reference] = person);
            }
        }
        var twoReferences = references.Values.Count(set => set.Count > 1);
        Assert.True(references.Count > 500, $"only {references.Count} people known to the police");
        Assert.InRange((double)twoReferences / references.Count, 0.0, 0.04);
    }
}
