using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Pipelines.Splits;
using EarlyHelp.Analytics.Pipelines.Tests.Support;

namespace EarlyHelp.Analytics.Pipelines.Tests.Splits;

/// <summary>Families that share a person are split together, so no person has rows on both sides of the split.</summary>
[Collection(TrainedCityCollection.Name)]
public sealed class ConnectedFamiliesTests(BiasedCity city)
{
    private static readonly PartitionShares Shares = new();

    [Fact]
    public void From_SharedMembers_JoinsChainsAndNamesEachGroupByItsLowestFamilyId()
    {
        // 10 and 3 share person 2, 3 and 7 share person 3: one group, named 3. 20 and 15 share person 4: named 15. 30 is alone.
        var groups = ConnectedFamilies.From([Family(10, 1, 2), Family(3, 2, 3), Family(7, 3), Family(20, 4), Family(15, 5, 4), Family(30, 6)]);

        Assert.Equal([3, 3, 3, 15, 15, 30], new long[] { 10, 3, 7, 20, 15, 30 }.Select(f => groups.Representative(new FamilyId(f)).Value));
        Assert.Equal((3, 5), (groups.GroupCount, groups.JoinedFamilies));
        Assert.Equal(new FamilyId(99), groups.Representative(new FamilyId(99)));
    }

    [Fact]
    public void PartitionOf_AloneOrJoined_IsTheGroupNamesPartition()
    {
        var groups = ConnectedFamilies.From([Family(10, 1, 2), Family(3, 2), Family(30, 6)]);

        for (var seed = 1; seed <= 50; seed++)
        {
            Assert.Equal(FamilyPartition.Of(new FamilyId(3), seed, Shares), groups.PartitionOf(new FamilyId(10), seed, Shares));
            Assert.Equal(FamilyPartition.Of(new FamilyId(30), seed, Shares), groups.PartitionOf(new FamilyId(30), seed, Shares));
        }
    }

    [Fact]
    public void PartitionOf_SyntheticCity_EveryPersonInTwoFamiliesHasThemInOnePartition()
    {
        var history = HubHistory.Read(city.Store.OpenReader(), city.Store.Name);
        var groups = ConnectedFamilies.From(history);
        var shared = history.Families.SelectMany(f => f.Members.Select(m => (m.Person, f.Family)))
            .GroupBy(x => x.Person, x => x.Family).Where(g => g.Count() > 1).ToArray();
        Assert.NotEmpty(shared);

        var straddledByFamilyAlone = 0;
        for (var seed = 1; seed <= 5; seed++)
        {
            foreach (var families in shared)
            {
                Assert.Single(families.Select(f => groups.PartitionOf(f, seed, Shares)).Distinct());
                straddledByFamilyAlone += families.Select(f => FamilyPartition.Of(f, seed, Shares)).Distinct().Count() > 1 ? 1 : 0;
            }
        }
        // Partitioning each family by its own id would have put people on both sides: the grouping is what prevents it.
        Assert.True(straddledByFamilyAlone > 0);
    }

    private static FamilyHistory Family(long id, params long[] people) => new(new FamilyId(id),
        people.Select(p => new MemberHistory(new PersonId(p), new YearMonth(1990, 1), null,
            [new MembershipPeriod(FamilyRole.Parent, new DateOnly(2020, 1, 1), null)], default, [], false)).ToArray());
}
