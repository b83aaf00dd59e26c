using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests;

/// <summary>
/// What "a longer run extends a shorter one" means, with D the shorter run's extract date: every
/// dated row (agency record, residence, family membership) of the shorter run is in the longer run
/// with the same key and the same fields, except that a row open at D (empty end) may have an end
/// after D in the longer run; and every dated row of the longer run that starts on or before D is in
/// the shorter run. People, households and families of the shorter run keep their attributes; a death
/// month empty in the shorter run may fall after D in the longer. Snapshot fields (the postcode in the
/// identity register, the address at the extract date) are not dated and may differ. The registers are
/// the true ones of the truth folder.
/// </summary>
public sealed class ExtensionTests
{
    private static readonly CityOptions Shorter = new() { People = 5_000, Months = 24, Seed = 21 };

    private static readonly Lazy<(GenerationResult Short, GenerationResult Long, DateOnly ShortDate)> Runs = new(() =>
    {
        var shorter = GeneratedCities.Get("extension-24", Shorter);
        var longer = GeneratedCities.Get("extension-36", Shorter with { Months = 36 });
        return (shorter, longer, shorter.Manifest.ExtractDate);
    });

    public static TheoryData<string> Datasets() => [.. DatasetCatalogue.All.Select(d => d.Code)];

    [Theory]
    [MemberData(nameof(Datasets))]
    public void Generate_MoreMonths_ExtendsEveryExtract(string code)
    {
        var (shortRun, longRun, shortDate) = Runs.Value;
        var layout = DatasetCatalogue.Get(code).Layout;
        var shortTable = CsvTable.Read(Path.Combine(shortRun.ExtractDirectory, layout.FileName));
        var longTable = CsvTable.Read(Path.Combine(longRun.ExtractDirectory, layout.FileName));

        AssertExtends(shortTable, longTable, [shortTable.Column(layout.RecordIdColumn)], shortTable.Column(layout.StartDateColumn),
            layout.EndDateColumn is null ? null : shortTable.Column(layout.EndDateColumn), layout.DateFormat, shortDate);
    }

    [Theory]
    [InlineData("residences.csv", new[] { 0, 1, 2 }, 2, 3)]
    [InlineData("family_members.csv", new[] { 0, 1, 2, 3 }, 3, 4)]
    public void Generate_MoreMonths_ExtendsThePeriodRegisters(string file, int[] key, int start, int end)
    {
        var (shortRun, longRun, shortDate) = Runs.Value;

        AssertExtends(CsvTable.Read(Path.Combine(shortRun.TruthDirectory, file)), CsvTable.Read(Path.Combine(longRun.TruthDirectory, file)), key, start, end, "yyyy-MM-dd", shortDate);
    }

    [Fact]
    public void Generate_MoreMonths_KeepsEveryPersonHouseholdAndFamily()
    {
        var (shortRun, longRun, shortDate) = Runs.Value;
        Dictionary<string, string[]> Rows(GenerationResult run, RegisterLayout register) =>
            CsvTable.Read(Path.Combine(run.TruthDirectory, register.FileName)).Rows.ToDictionary(r => r[0]);

        foreach (var register in new[] { RegisterFiles.Households, RegisterFiles.Families, RegisterFiles.PeopleProtected })
        {
            var longRows = Rows(longRun, register);
            Assert.All(Rows(shortRun, register), row => Assert.Equal(row.Value, longRows[row.Key]));
        }

        var longPeople = Rows(longRun, RegisterFiles.People);
        foreach (var (id, row) in Rows(shortRun, RegisterFiles.People))
        {
            var later = longPeople[id];
            Assert.Equal(row[1], later[1]);
            if (row[2].Length > 0)
                Assert.Equal(row[2], later[2]);
            else if (later[2].Length > 0)
                Assert.True(string.CompareOrdinal(later[2], YearMonth.Of(shortDate).ToString()) > 0, $"person {id} died by {later[2]} but not in the shorter run");
        }

        // Id, forename and date of birth never change; the surname may (a marriage after the shorter run).
        var longIdentity = Rows(longRun, RegisterFiles.PeopleIdentity);
        Assert.All(Rows(shortRun, RegisterFiles.PeopleIdentity), row => Assert.Equal(row.Value[..2].Append(row.Value[3]), longIdentity[row.Key][..2].Append(longIdentity[row.Key][3])));
    }

    private static void AssertExtends(CsvTable shortTable, CsvTable longTable, int[] key, int start, int? end, string format, DateOnly shortDate)
    {
        string Key(string[] row) => string.Join('|', key.Select(k => row[k]));
        DateOnly Date(string text) => DateOnly.ParseExact(text, format, CultureInfo.InvariantCulture);

        var longRows = longTable.Rows.ToDictionary(Key);
        foreach (var row in shortTable.Rows)
        {
            Assert.True(longRows.TryGetValue(Key(row), out var later), $"row {Key(row)} of the shorter run is missing from the longer run");
            for (var column = 0; column < row.Length; column++)
            {
                if (column == end && row[column].Length == 0)
                {
                    // Open at the shorter run's extract date: still open, or ended after it.
                    if (later[column].Length > 0)
                        Assert.True(Date(later[column]) > shortDate, $"row {Key(row)} was open at {shortDate} but ends {later[column]}");
                    continue;
                }
                Assert.Equal(row[column], later[column]);
            }
        }

        var shortKeys = shortTable.Rows.Select(Key).ToHashSet();
        var startingInShortRun = longTable.Rows.Where(r => Date(r[start]) <= shortDate).ToList();
        Assert.All(startingInShortRun, r => Assert.Contains(Key(r), shortKeys));
        Assert.Equal(shortTable.Rows.Count, startingInShortRun.Count);
    }
}
