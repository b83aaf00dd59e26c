using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Linkage;
using EarlyHelp.Analytics.Web.Charts;

namespace EarlyHelp.Analytics.Web.Tests.Charts;

public sealed class WaterfallTests
{
    [Fact]
    public void Bars_PriorThenSteps_FloatFromTheRunningTotalAndEndAtTheSum()
    {
        WeightContribution[] contributions = [new("prior", "lambda", -10), new("forename", "exact", 6.5), new("postcode", "else", -2), new("nhs_number", "missing", 0)];

        var bars = Waterfall.Bars(contributions);

        // By hand: running totals −10, −3.5, −5.5, −5.5; the last bar spans 0 to −5.5.
        Assert.Equal([(0.0, -10.0), (-10.0, -3.5), (-3.5, -5.5), (-5.5, -5.5), (0.0, -5.5)], bars.Select(b => (b.From, b.To)));
        Assert.Equal([false, false, false, false, true], bars.Select(b => b.IsTotal));
    }

    [Fact]
    public void Render_Explanation_DescribesEveryBarAndTheProbability()
    {
        var explanation = new PairExplanation(3, 0.5, [new("prior", "lambda", 0), new("surname", "exact", 3)]);

        var svg = System.Net.WebUtility.HtmlDecode(Waterfall.Render(explanation, "w").ToString()!);

        // A weight of +3 bits is odds of 2^3 = 8 to 1: probability 8/9 = 88.9%.
        Assert.Contains("surname (exact) +3.00 bits; final match weight 3.00 bits, probability 88.9%", svg, StringComparison.Ordinal);
        Assert.Equal(3, svg.Split("<rect ").Length - 1);
    }

    [Theory]
    [InlineData(3.0, "× 8.0")]
    [InlineData(-2.0, "÷ 4.0")]
    [InlineData(0.0, "× 1.0")]
    public void BayesFactor_Weight_IsTwoToThePowerOfIt(double weight, string expected) =>
        Assert.Equal(expected, Waterfall.BayesFactor(weight));
}
