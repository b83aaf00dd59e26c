using System.Text;
using Bogus.Bson;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// Male forenames, female forenames and surnames, each one list across every ethnic group (so that a
/// person's name is one index, whatever group it came from), with a weighted draw per group. Within a
/// group's list the weight of the name of rank r is r^-<see cref="ZipfExponent"/>: a few very common
/// names and a long tail, as in real name frequencies [A]. The White British lists continue with
/// Bogus's en_GB names as the tail. Mixed draws from the other lists in proportions <see cref="MixedSources"/> [A].
/// </summary>
internal static class NamePools
{
    /// <summary>Exponent of the Zipf law of name frequencies: the top White British surname gets about 3% [A] (Smith is about 1.2% in England).</summary>
    public const double ZipfExponent = 0.6;

    /// <summary>Where a Mixed person's names come from: White British, Black, Asian, Other [A].</summary>
    private static readonly (Ethnicity Group, double Share)[] MixedSources =
        [(Ethnicity.WhiteBritish, 0.5), (Ethnicity.Black, 0.25), (Ethnicity.Asian, 0.15), (Ethnicity.Other, 0.1)];

    /// <summary>Male forenames.</summary>
    public static NamePool MaleForenames { get; } = Build(
        [NameLists.WhiteBritishMale, NameLists.WhiteOtherMale, NameLists.AsianMale, NameLists.BlackMale, NameLists.OtherMale], "male_first_name");

    /// <summary>Female forenames.</summary>
    public static NamePool FemaleForenames { get; } = Build(
        [NameLists.WhiteBritishFemale, NameLists.WhiteOtherFemale, NameLists.AsianFemale, NameLists.BlackFemale, NameLists.OtherFemale], "female_first_name");

    /// <summary>Surnames.</summary>
    public static NamePool Surnames { get; } = Build(
        [NameLists.WhiteBritishSurnames, NameLists.WhiteOtherSurnames, NameLists.AsianSurnames, NameLists.BlackSurnames, NameLists.OtherSurnames], "last_name");

    /// <summary>The forename pool of a sex.</summary>
    public static NamePool Forenames(bool male) => male ? MaleForenames : FemaleForenames;

    /// <summary>The forename of a person of the given sex at pool index <paramref name="index"/>.</summary>
    public static byte[] Forename(bool male, int index) => Forenames(male).Bytes[index];

    /// <summary>Builds a pool from the group lists (White British, Other White, Asian, Black, Other) and Bogus's list for the White British tail.</summary>
    private static NamePool Build(string[][] groups, string bogusList)
    {
        var tail = BogusNames(bogusList).Except(groups.SelectMany(g => g), StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.Ordinal);
        string[][] lists = [[.. groups[0], .. tail], .. groups[1..]];
        var listOf = new[] { Ethnicity.WhiteBritish, Ethnicity.WhiteOther, Ethnicity.Asian, Ethnicity.Black, Ethnicity.Other };
        var names = lists.SelectMany(l => l).ToArray();
        var weights = new double[Enum.GetValues<Ethnicity>().Length][];
        for (var group = 0; group < weights.Length; group++)
            weights[group] = new double[names.Length];
        var offset = 0;
        for (var l = 0; l < lists.Length; l++)
        {
            var total = Enumerable.Range(1, lists[l].Length).Sum(r => Math.Pow(r, -ZipfExponent));
            for (var r = 0; r < lists[l].Length; r++)
            {
                var share = Math.Pow(r + 1, -ZipfExponent) / total;
                weights[(int)listOf[l]][offset + r] = share;
                foreach (var (group, mixed) in MixedSources)
                {
                    if (group == listOf[l])
                        weights[(int)Ethnicity.Mixed][offset + r] += mixed * share;
                }
            }
            offset += lists[l].Length;
        }
        return new NamePool(names, weights.Select(Cumulative).ToArray());
    }

    private static double[] Cumulative(double[] weights)
    {
        var cumulative = new double[weights.Length];
        var running = 0.0;
        var total = weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            running += weights[i] / total;
            cumulative[i] = running;
        }
        cumulative[^1] = 1;
        return cumulative;
    }

    private static IEnumerable<string> BogusNames(string list)
    {
        if (Bogus.Database.Get("name", list, "en_GB", "en") is not BArray names || names.Count == 0)
            throw new InvalidOperationException($"Bogus has no '{list}' list for en_GB.");
        return Enumerable.Range(0, names.Count)
            .Select(i => names[i].StringValue)
            .Where(name => name.Length > 0 && name.All(c => char.IsAsciiLetter(c) || c is '\'' or '-'));
    }
}

/// <summary>One list of names with a cumulative weight per ethnic group, held as UTF-8 bytes for fast writing.</summary>
internal sealed class NamePool
{
    private readonly double[][] cumulativeByGroup;

    /// <summary>A pool of <paramref name="names"/> drawn per group with <paramref name="cumulativeByGroup"/>.</summary>
    public NamePool(string[] names, double[][] cumulativeByGroup)
    {
        Names = names;
        Bytes = names.Select(Encoding.ASCII.GetBytes).ToArray();
        this.cumulativeByGroup = cumulativeByGroup;
    }

    /// <summary>The names.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The names as ASCII bytes.</summary>
    public byte[][] Bytes { get; }

    /// <summary>Number of names.</summary>
    public int Count => Bytes.Length;

    /// <summary>Draws the index of a name for someone of <paramref name="group"/>.</summary>
    public int Draw(Ethnicity group, RandomStream random)
    {
        // The smallest index whose running total exceeds u: a binary search, since the pools run to hundreds of names.
        var cumulative = cumulativeByGroup[(int)group];
        var u = random.NextDouble();
        int low = 0, high = cumulative.Length - 1;
        while (low < high)
        {
            var middle = (low + high) >> 1;
            if (cumulative[middle] > u)
                high = middle;
            else
                low = middle + 1;
        }
        return low;
    }

    /// <summary>Share of draws for <paramref name="group"/> that give index <paramref name="index"/>.</summary>
    public double Share(Ethnicity group, int index)
    {
        var cumulative = cumulativeByGroup[(int)group];
        return cumulative[index] - (index == 0 ? 0 : cumulative[index - 1]);
    }
}
