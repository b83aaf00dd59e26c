using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Tests.Realism;

namespace EarlyHelp.Analytics.Synthetic.Tests.Population;

/// <summary>Families change over the written history: births, ageing out at 18, separations, new partners and moves all happen.</summary>
public sealed class FamilyDynamicsTests
{
    private static readonly Lazy<Registers> City = new(() => new Registers(GeneratedCities.Small));

    [Fact]
    public void Generate_History_HasBirths()
    {
        var city = City.Value;

        var born = city.People.Count(p => p.Value.Birth.CompareTo(city.HistoryStart) >= 0);

        // About 11 births a year per 1,000 residents: roughly 400 in three years of a city of 12,000.
        Assert.InRange(born, 200, 700);
    }

    [Fact]
    public void Generate_History_ChildrenAgeOutAtEighteen()
    {
        var city = City.Value;

        var agedOut = city.Members.Where(m => m.Role == "child" && m.End is { } end && end >= city.HistoryStartDay
            && end == city.People[m.Person].Birth.AddMonths(18 * 12).FirstDay).ToList();

        Assert.NotEmpty(agedOut);
        Assert.All(agedOut, child => Assert.Contains(city.ByFamily[child.Family], m => m.Person == child.Person && m.Role == "other" && m.Start == child.End));
    }

    [Fact]
    public void Generate_History_ParentsSeparateWhileTheChildrenStay()
    {
        var city = City.Value;

        var separations = city.Members.Count(parent => parent.Role == "parent" && parent.End is { } end && end >= city.HistoryStartDay
            && city.People.TryGetValue(parent.Person, out var person) && person.Death is null
            && city.ByFamily[parent.Family].Any(child => child.Role == "child" && child.Start < end && (child.End is null || child.End > end)));

        Assert.True(separations > 10, $"only {separations} separations");
    }

    [Fact]
    public void Generate_History_LoneParentsFindNewPartners()
    {
        var city = City.Value;

        // A parent joining a family whose children were born before: a step-parent.
        var newPartners = city.Members.Count(parent => parent.Role == "parent" && parent.Start >= city.HistoryStartDay
            && city.ByFamily[parent.Family].Any(child => child.Role == "child" && child.Start < parent.Start && (child.End is null || child.End > parent.Start)));

        Assert.True(newPartners > 10, $"only {newPartners} new partners");
    }

    [Fact]
    public void Generate_History_HouseholdsMoveTogether()
    {
        var city = City.Value;

        // A move: a residence ends and the same person's next one starts that day at another address.
        var moves = city.Residences.GroupBy(r => r.Owner)
            .Sum(g => g.OrderBy(r => r.Start).Zip(g.OrderBy(r => r.Start).Skip(1)).Count(pair => pair.First.End == pair.Second.Start
                && pair.First.Other != pair.Second.Other && pair.Second.Start >= city.HistoryStartDay));

        Assert.True(moves > 200, $"only {moves} moves");
    }

    private sealed class Registers
    {
        public Registers(GenerationResult city)
        {
            var folder = new ExtractFolder(city);
            People = folder.People;
            Residences = folder.Residences;
            HistoryStart = YearMonth.Of(folder.ExtractDate).AddMonths(-35);
            HistoryStartDay = HistoryStart.FirstDay;
            Members = folder.Table(RegisterFiles.FamilyMembers).Rows.Select(r => new Membership(
                long.Parse(r[0], CultureInfo.InvariantCulture), long.Parse(r[1], CultureInfo.InvariantCulture), r[2],
                DateOnly.ParseExact(r[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                r[4].Length == 0 ? null : DateOnly.ParseExact(r[4], "yyyy-MM-dd", CultureInfo.InvariantCulture))).ToList();
            ByFamily = Members.ToLookup(m => m.Family);
        }

        public ILookup<long, Membership> ByFamily { get; }

        public Dictionary<long, (YearMonth Birth, YearMonth? Death)> People { get; }

        public List<Period> Residences { get; }

        public List<Membership> Members { get; }

        /// <summary>First month of history: the small city has 36 months ending at its extract date.</summary>
        public YearMonth HistoryStart { get; }

        public DateOnly HistoryStartDay { get; }
    }

    private sealed record Membership(long Family, long Person, string Role, DateOnly Start, DateOnly? End);
}
