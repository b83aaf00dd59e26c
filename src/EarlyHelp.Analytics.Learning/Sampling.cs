namespace EarlyHelp.Analytics.Learning;

/// <summary>Random choices that must be the same for the same seed on every machine.</summary>
public static class Sampling
{
    /// <summary>
    /// <paramref name="count"/> distinct numbers of <c>[0, population)</c>, uniformly chosen and
    /// returned in ascending order: the first <paramref name="count"/> steps of a Fisher–Yates shuffle.
    /// </summary>
    public static int[] SortedSubset(Random random, int population, int count)
    {
        var order = new int[population];
        for (var i = 0; i < population; i++)
            order[i] = i;
        for (var i = 0; i < count; i++)
        {
            var j = random.Next(i, population);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var subset = order[..count];
        Array.Sort(subset);
        return subset;
    }
}
