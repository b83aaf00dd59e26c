using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using EarlyHelp.Analytics.Hub.Clerical;
using EarlyHelp.Analytics.Linkage;
using Microsoft.AspNetCore.Html;

namespace EarlyHelp.Analytics.Web.Charts;

/// <summary>
/// A pair's match weight as Splink's waterfall chart draws it, as inline SVG: the prior first, then one floating bar
/// per comparison from the running total before it to the total after (up for evidence that the records are one
/// person, down for evidence against), and a last bar from zero to the final match weight. The left axis is in bits
/// (log2 of the Bayes factor); the right axis gives the match probability at the same heights. Colours come from
/// attributes so the page's content security policy can refuse inline styles; the table beside it carries the numbers.
/// </summary>
public static class Waterfall
{
    /// <summary>Width of the whole drawing in pixels.</summary>
    public const int Width = 720;

    /// <summary>Height of the whole drawing in pixels.</summary>
    public const int Height = 360;

    private const double Left = 56, Right = 64, Top = 16, Bottom = 120, BarShare = 0.7;

    /// <summary>One bar: what it stands for, its weight, and the running totals it spans.</summary>
    /// <param name="Comparison">The comparison's name, "prior" or "final match weight".</param>
    /// <param name="Level">The level reached, or "missing".</param>
    /// <param name="Weight">The bar's weight in bits (for the final bar, the match weight).</param>
    /// <param name="From">The running total where the bar starts.</param>
    /// <param name="To">The running total where it ends.</param>
    /// <param name="IsTotal">Whether this is the final bar.</param>
    public sealed record Bar(string Comparison, string Level, double Weight, double From, double To, bool IsTotal);

    /// <summary>The bars of <paramref name="contributions"/> (prior first), then the final one.</summary>
    public static IReadOnlyList<Bar> Bars(IReadOnlyList<WeightContribution> contributions)
    {
        var bars = new List<Bar>(contributions.Count + 1);
        var total = 0.0;
        foreach (var contribution in contributions)
        {
            bars.Add(new Bar(contribution.Comparison, contribution.Level, contribution.Weight, total, total + contribution.Weight, false));
            total += contribution.Weight;
        }
        bars.Add(new Bar("final match weight", "", total, 0, total, true));
        return bars;
    }

    /// <summary>The chart of <paramref name="explanation"/>; <paramref name="id"/> must be unique on the page.</summary>
    public static IHtmlContent Render(PairExplanation explanation, string id)
    {
        var encoder = HtmlEncoder.Default;
        var bars = Bars(explanation.Contributions);
        var (low, high, step) = Range(bars);
        double Y(double weight) => Top + (high - weight) / (high - low) * (Height - Top - Bottom);
        var slot = (Width - Left - Right) / bars.Count;

        var svg = new StringBuilder(8192);
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"waterfall\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}-title\">How each comparison moves the match weight</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<desc id=\"{id}-desc\">{encoder.Encode(Describe(bars, explanation.MatchProbability))}</desc>");
        foreach (var tick in Ticks(low, high, step))
        {
            var y = Number(Y(tick));
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{y}\" x2=\"{Width - Right}\" y2=\"{y}\" stroke=\"{(tick == 0 ? "#0b0c0c" : "#dddddd")}\" stroke-width=\"1\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{y}\" text-anchor=\"end\" dominant-baseline=\"middle\" font-size=\"12\">{tick.ToString("0", CultureInfo.InvariantCulture)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 6}\" y=\"{y}\" dominant-baseline=\"middle\" font-size=\"12\">{encoder.Encode(ProbabilityLabel(tick))}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{Number(Top + (Height - Top - Bottom) / 2)}\" transform=\"rotate(-90 12 {Number(Top + (Height - Top - Bottom) / 2)})\" text-anchor=\"middle\" font-size=\"12\">Match weight (bits)</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - 12}\" y=\"{Number(Top + (Height - Top - Bottom) / 2)}\" transform=\"rotate(90 {Width - 12} {Number(Top + (Height - Top - Bottom) / 2)})\" text-anchor=\"middle\" font-size=\"12\">Match probability</text>");
        for (var b = 0; b < bars.Count; b++)
        {
            var bar = bars[b];
            var x = Left + b * slot + slot * (1 - BarShare) / 2;
            var top = Y(Math.Max(bar.From, bar.To));
            // A comparison with no weight (a missing field) still gets a hairline, so every comparison has a mark.
            var height = Math.Max(1, Math.Abs(Y(bar.From) - Y(bar.To)));
            svg.Append(CultureInfo.InvariantCulture,
                $"<rect x=\"{Number(x)}\" y=\"{Number(top)}\" width=\"{Number(slot * BarShare)}\" height=\"{Number(height)}\" fill=\"{Colour(bar)}\" data-comparison=\"{encoder.Encode(bar.Comparison)}\" data-weight=\"{bar.Weight.ToString("R", CultureInfo.InvariantCulture)}\" data-total=\"{(bar.IsTotal ? "true" : "false")}\"/>");
            var labelX = Number(x + slot * BarShare / 2);
            var valueY = Number(bar.Weight >= 0 ? top - 4 : top + height + 12);
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelX}\" y=\"{valueY}\" text-anchor=\"middle\" font-size=\"11\">{Signed(bar.Weight, bar.IsTotal)}</text>");
            var baseY = Number(Height - Bottom + 12);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text x=\"{labelX}\" y=\"{baseY}\" transform=\"rotate(-40 {labelX} {baseY})\" text-anchor=\"end\" font-size=\"12\">{encoder.Encode(bar.Comparison.Replace('_', ' '))}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>A weight as shown: two decimals with a true minus sign, and a plus sign too for a step (not for a total).</summary>
    public static string Signed(double weight, bool isTotal = false) =>
        weight.ToString(isTotal ? "0.00;−0.00;0.00" : "+0.00;−0.00;0.00", CultureInfo.InvariantCulture);

    /// <summary>The Bayes factor of a weight, 2^w, as shown: "× 12.5" or "÷ 4.0" (Splink's reading of a weight).</summary>
    public static string BayesFactor(double weight)
    {
        var factor = Math.Pow(2, Math.Abs(weight));
        var text = factor >= 1000 ? factor.ToString("N0", CultureInfo.InvariantCulture) : factor.ToString("0.0#", CultureInfo.InvariantCulture);
        return (weight < 0 ? "÷ " : "× ") + text;
    }

    /// <summary>The axis: whole multiples of a tick step (so that 0 is a tick), with room above and below for the value labels.</summary>
    private static (double Low, double High, double Step) Range(IReadOnlyList<Bar> bars)
    {
        var low = Math.Min(0, bars.Min(b => Math.Min(b.From, b.To)));
        var high = Math.Max(0, bars.Max(b => Math.Max(b.From, b.To)));
        var span = high - low;
        var step = span <= 10 ? 2 : span <= 25 ? 5 : span <= 50 ? 10 : 20;
        return (Math.Floor((low - step / 2.0) / step) * step, Math.Ceiling((high + step / 2.0) / step) * step, step);
    }

    private static IEnumerable<double> Ticks(double low, double high, double step)
    {
        for (var tick = low; tick <= high + 1e-9; tick += step)
            yield return Math.Round(tick, 6);
    }

    private static string ProbabilityLabel(double weight)
    {
        var probability = 1 / (1 + Math.Pow(2, -weight));
        return probability is > 0.001 and < 0.999 ? probability.ToString("0.0%", CultureInfo.InvariantCulture)
            : probability >= 0.999 ? "> 99.9%" : "< 0.1%";
    }

    private static string Colour(Bar bar) => bar.IsTotal ? "#1d70b8" : bar.Comparison == "prior" ? "#505a5f" : bar.Weight >= 0 ? "#00703c" : "#d4351c";

    private static string Describe(IReadOnlyList<Bar> bars, double probability) =>
        string.Join("; ", bars.Select(b => b.IsTotal
            ? $"final match weight {Signed(b.Weight, true)} bits, probability {probability.ToString("0.0%", CultureInfo.InvariantCulture)}"
            : $"{b.Comparison.Replace('_', ' ')} ({b.Level}) {Signed(b.Weight)} bits"));

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
