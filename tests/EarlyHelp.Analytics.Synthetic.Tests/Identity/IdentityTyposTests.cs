using System.Text;
using EarlyHelp.Analytics.Synthetic.Identity;

namespace EarlyHelp.Analytics.Synthetic.Tests.Identity;

public sealed class IdentityTyposTests
{
    [Fact]
    public void Name_ManyRecords_MistypesAtTheStatedRateByOneEdit()
    {
        var name = Encoding.ASCII.GetBytes("Margaret");
        const int records = 50_000;
        var changed = 0;
        for (var sequence = 0; sequence < records; sequence++)
        {
            var typos = new IdentityTypos(3, 1, 0, sequence);
            var keyed = typos.Name(name, IdentityTypos.ForenameTypo);
            if (keyed.AsSpan().SequenceEqual(name))
                continue;
            changed++;
            Assert.True(EditDistance(Encoding.ASCII.GetString(name), Encoding.ASCII.GetString(keyed)) <= 2,
                $"'{Encoding.ASCII.GetString(keyed)}' is more than a slip away");
        }

        // A slip can leave the name unchanged (e.g. replacing a letter by itself); the rate is at most 2%.
        // Binomial(50,000, 0.02): mean 1,000, standard deviation 31.
        Assert.InRange(changed, 850, 1_100);
    }

    [Fact]
    public void BirthDate_SameRecord_GivesTheSameErrorsEveryTime()
    {
        var day = new DateOnly(2012, 3, 7).DayNumber;
        var first = new IdentityTypos(9, 4, 2, 17).BirthDate(day);
        var second = new IdentityTypos(9, 4, 2, 17).BirthDate(day);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Postcode_ManyRecords_UsesTheOldAddressAtTheStatedRate()
    {
        const int records = 50_000;
        var old = Enumerable.Range(0, records).Count(i => new IdentityTypos(5, 2, 1, i).Postcode("BS5 6AB", "BS1 2CD") == "BS1 2CD");

        // Not blank (99%) and then old (4%): 3.96%, binomial standard deviation 44.
        Assert.InRange(old, 1_800, 2_160);
    }

    private static int EditDistance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }
}
