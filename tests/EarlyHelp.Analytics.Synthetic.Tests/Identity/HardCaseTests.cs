using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Output;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Identity;

/// <summary>The hard cases the city holds on purpose: twins, a son named after his father, surname changes, very common names.</summary>
public sealed class HardCaseTests
{
    [Fact]
    public void Generate_Births_TwinsAreAboutOneAndAHalfPercentOfMaternitiesAndDistinctPeople()
    {
        var city = RealismCity.Result;
        var folder = new ExtractFolder(city);
        var layout = CouncilFiles.HealthVisitorBirths;
        var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
        var truth = folder.TruePeople(CouncilFiles.DatasetName(layout));
        var maternities = table.Rows
            .Select(r => (Mother: truth[r[0] + "/mother"], Baby: truth[r[0] + "/baby"], Born: r[table.Column("BirthDate")]))
            .GroupBy(b => (b.Mother, b.Born)).ToList();
        var twins = maternities.Where(m => m.Count() == 2).ToList();

        // ONS birth characteristics: about 1.5% of maternities in England and Wales are multiple. With about 7,000
        // maternities the binomial standard deviation is 0.15 points.
        Assert.True(maternities.Count > 3_000, $"only {maternities.Count} maternities");
        Assert.InRange((double)twins.Count / maternities.Count, 0.01, 0.02);
        Assert.All(twins, pair => Assert.Equal(2, pair.Select(b => b.Baby).Distinct().Count()));
        // Twins share surname and date of birth but never a forename.
        var identity = folder.Table(RegisterFiles.PeopleIdentity).Rows.ToDictionary(r => long.Parse(r[0], CultureInfo.InvariantCulture));
        Assert.All(twins, pair =>
        {
            var (first, second) = (identity[pair.First().Baby], identity[pair.Last().Baby]);
            Assert.Equal(first[3], second[3]);
            Assert.NotEqual(first[1], second[1]);
        });
    }

    [Fact]
    public void Generate_Families_HoldSonsNamedAfterTheirFathersAndVeryCommonSurnames()
    {
        var folder = new ExtractFolder(RealismCity.Result);
        var identity = folder.Table(RegisterFiles.PeopleIdentity).Rows.ToDictionary(r => r[0]);
        var members = folder.Table(RegisterFiles.FamilyMembers).Rows.GroupBy(r => r[0]);
        var juniors = members.Sum(family =>
        {
            var parents = family.Where(m => m[2] == "parent").Select(m => identity[m[1]]).ToList();
            return family.Where(m => m[2] == "child").Select(m => identity[m[1]])
                .Count(child => parents.Any(p => p[1] == child[1] && p[2] == child[2] && p[3] != child[3]));
        });
        // About 2% of sons of a father present at birth: hundreds in a city of 200,000.
        Assert.True(juniors > 100, $"only {juniors} children share a parent's forename and surname");

        // Zipf weights give the commonest White British surname a few per cent of people (Smith is about 1.2% in England).
        var commonest = identity.Values.GroupBy(r => r[2]).Max(g => g.Count());
        Assert.InRange((double)commonest / identity.Count, 0.01, 0.05);
    }

    [Fact]
    public void Key_SurnameChange_OldSurnameBeforeTheChangeAndNewOneAYearAfter()
    {
        // Every person of a small simulated city whose surname changed, keyed by every agency system a day before the
        // change and a year and a day after it (the longest update lag is a year): before, the old surname unless the
        // registration mistyped it; after, the new one.
        var options = new CityOptions { People = 4_000, Months = 24, Seed = 5 };
        var simulation = new CitySimulation(options);
        var formatter = options.Start.FirstDay.DayNumber;
        int before = 0, beforeOld = 0, after = 0, afterNew = 0;
        for (var number = 1; number <= simulation.Plans.Count; number++)
        {
            var lineage = simulation.Run(number);
            var index = new LineageIndex(lineage, formatter, options.ExtractDate.DayNumber);
            var keyer = new IdentityKeyer(options.Seed, lineage, index.ResidencesOf);
            foreach (var person in lineage.People.Where(p => p.PreviousSurname >= 0 && index.ResidencesOf[p.Index].Count > 0))
            {
                var (old, current) = (NamePools.Surnames.Names[person.PreviousSurname], NamePools.Surnames.Names[person.Surname]);
                for (var system = 0; system < AgencySystems.Prefixes.Count; system++)
                {
                    var early = Text(keyer.Key(person, system, person.SurnameChangeDay - 1, 1).Surname);
                    var late = Text(keyer.Key(person, system, person.SurnameChangeDay + 366, 1).Surname);
                    before++;
                    after++;
                    beforeOld += Same(early, old) ? 1 : 0;
                    afterNew += Same(late, current) ? 1 : 0;
                    Assert.False(Same(early, current), $"{current} used before the change");
                    Assert.False(Same(late, old), $"{old} used a year after the change");
                }
            }
        }
        Assert.True(before > 1_000, $"only {before} keyed surname changes");
        // Typos, blanks, transliterations and order swaps leave a few per cent unlike either name.
        Assert.InRange((double)beforeOld / before, 0.9, 1.0);
        Assert.InRange((double)afterNew / after, 0.9, 1.0);
    }

    private static string Text(byte[]? name) => name is null ? "" : System.Text.Encoding.ASCII.GetString(name);

    private static bool Same(string keyed, string name) => string.Equals(keyed, name, StringComparison.OrdinalIgnoreCase);
}
