using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>Ids survive re-grouping; merges, splits and new ids are recorded. Expected ids follow the largest-overlap rule by hand.</summary>
public sealed class StableIdsTests
{
    private static readonly Dictionary<string, long> Before = new() { ["a1"] = 1, ["a2"] = 1, ["b1"] = 2, ["c1"] = 3, ["c2"] = 3, ["c3"] = 3 };

    private static long? Previous(string member) => Before.TryGetValue(member, out var id) ? id : null;

    [Fact]
    public void Assign_SameGroupsPlusNewRecords_KeepsIdsAndNumbersNewOnes()
    {
        var (ids, history) = StableIds.Assign<string>([["c1", "c2", "c3"], ["a1", "a2", "a3"], ["b1"], ["d1"]], Previous, firstUnused: 4);

        Assert.Equal([3L, 1L, 2L, 4L], ids);
        Assert.Equal([new IdHistory(IdChange.Created, 4, null, 1)], history);
    }

    [Fact]
    public void Assign_TwoPeopleLinked_MergedIntoTheLargerAndRecorded()
    {
        // a (2 records) and b (1 record) are found to be one person: id 1 holds more of the group.
        var (ids, history) = StableIds.Assign<string>([["a1", "a2", "b1"], ["c1", "c2", "c3"]], Previous, firstUnused: 4);

        Assert.Equal([1L, 3L], ids);
        Assert.Equal([new IdHistory(IdChange.Merged, 1, 2, 1)], history);
    }

    [Fact]
    public void Assign_OnePersonSplit_LargerPartKeepsTheIdOtherGetsANewOne()
    {
        // c1 turns out to be someone else (a twin): c2, c3 keep 3, c1 gets 4.
        var (ids, history) = StableIds.Assign<string>([["a1", "a2"], ["b1"], ["c2", "c3"], ["c1"]], Previous, firstUnused: 4);

        Assert.Equal([1L, 2L, 3L, 4L], ids);
        Assert.Equal([new IdHistory(IdChange.Split, 4, 3, 1)], history);
    }
}
