using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Statistics;
using MathNet.Numerics.Statistics;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>One group's selection against what families with the same true need were selected at.</summary>
/// <param name="Dimension">The group column.</param>
/// <param name="Group">The group.</param>
/// <param name="Families">Families in the group.</param>
/// <param name="Selected">Of them, selected.</param>
/// <param name="Expected">Selected if each had been selected at the rate of all families with its need profile.</param>
/// <param name="Ratio">Selected / expected: 1 when the group is selected as its need warrants.</param>
/// <param name="RatioInterval">Bootstrap percentile interval of the ratio.</param>
/// <param name="Status"><c>flag</c>, <c>outside_band</c>, <c>within_band</c> or <c>small_group</c>, as the fairness audit reads a ratio.</param>
public sealed record StandardisedGroup(
    [property: JsonPropertyName("dimension")] string Dimension,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("families")] int Families,
    [property: JsonPropertyName("selected")] int Selected,
    [property: JsonPropertyName("expected")] double Expected,
    [property: JsonPropertyName("ratio")] double Ratio,
    [property: JsonPropertyName("ratio_interval")] Interval RatioInterval,
    [property: JsonPropertyName("status")] string Status)
{
    /// <summary>Two-sided p-value of a ratio of 1 (the ratio's distance from 1 over its bootstrap standard error); undefined for a small group.</summary>
    [JsonPropertyName("p_value")]
    public double PValue { get; init; } = double.NaN;

    /// <summary>The p-value adjusted across every group of the audit (Benjamini–Hochberg); a flag needs it within 5%.</summary>
    [JsonPropertyName("q_value")]
    public double QValue { get; init; } = double.NaN;
}

/// <summary>
/// Selection by group standardised for true need — indirect standardisation, as a standardised mortality
/// ratio is computed in epidemiology: families are put in strata of their true need over the look-back
/// (the worst severity, how many problems were moderate or worse and how many present, and the number of
/// children, whose records the family's counts add up); each stratum's selection rate over all families
/// gives each family an expected chance of selection; a group's ratio of selected to expected is 1 when
/// it is selected as often as families with the same need. A recording bias — a group recorded more often
/// for the same need — shows as a ratio above 1. Intervals resample the families (percentile bootstrap);
/// a ratio outside [0.8, 1.25] whose interval excludes 1 is flagged, as the fairness audit flags, when it
/// survives false-discovery control across every group of the audit (Benjamini–Hochberg at 5%).
/// </summary>
public static class StandardisedSelection
{
    /// <summary>Share of families selected: the highest-scored tenth, enough selected in each group for its ratio to be measured.</summary>
    public const double SelectedShare = 0.1;

    /// <summary>A ratio inside [1/1.25, 1.25] is not flagged (the fairness audit's band).</summary>
    public const double Tolerance = 1.25;

    /// <summary>The false discovery rate held across the audit's groups: flags that could be chance among its many comparisons are not raised.</summary>
    public const double FalseDiscoveryLevel = 0.05;

    /// <summary>Groups with fewer families, or fewer expected selections, are too small to flag (the audit's limits of 100 and 10).</summary>
    public const int SmallGroupFamilies = 100, SmallGroupExpected = 10;

    /// <summary>Computes every group's standardised ratio.</summary>
    /// <param name="groups">The group columns.</param>
    /// <param name="selected">Whether each family was selected.</param>
    /// <param name="strata">Each family's need stratum.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Their seed.</param>
    public static IReadOnlyList<StandardisedGroup> Run(IReadOnlyList<GroupColumn> groups, bool[] selected, int[] strata, int resamples, int seed)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var rows = selected.Length;
        var point = Totals(groups, selected, strata, null);
        var order = point.OrderBy(p => p.Key.Column).ThenByDescending(p => p.Value.Families).ThenBy(p => p.Key.Group, StringComparer.Ordinal).Select(p => p.Key).ToArray();
        var replicates = order.Select(_ => new double[resamples]).ToArray();
        Parallel.For(0, resamples, resample =>
        {
            var random = ResampleSeeds.For(seed, resample);
            var copies = new int[rows];
            for (var draw = 0; draw < rows; draw++)
                copies[random.Next(rows)]++;
            var totals = Totals(groups, selected, strata, copies);
            for (var g = 0; g < order.Length; g++)
                replicates[g][resample] = totals.TryGetValue(order[g], out var t) && t.Expected > 0 ? t.Selected / t.Expected : double.NaN;
        });
        var tested = order.Select((key, g) =>
        {
            var (families, chosen, expected) = point[key];
            var defined = replicates[g].Where(double.IsFinite).ToArray();
            var error = defined.Length < 2 ? double.NaN : defined.StandardDeviation();
            var interval = defined.Length < resamples / 2 ? Interval.Undefined : ConfidenceIntervals.Percentile(defined, 0.95);
            var ratio = expected > 0 ? chosen / expected : double.NaN;
            var small = families < SmallGroupFamilies || expected < SmallGroupExpected;
            return new StandardisedGroup(groups[key.Column].Name, key.Group, (int)families, (int)chosen, expected, ratio, interval,
                Status(ratio, small, interval))
            {
                PValue = small || !interval.IsDefined ? double.NaN : FalseDiscoveryRate.TwoSidedP(ratio - 1, error),
            };
        }).ToArray();
        var adjusted = FalseDiscoveryRate.Adjust(tested.Select(g => g.PValue).ToArray());
        return tested.Select((g, i) => g with
        {
            QValue = adjusted[i],
            Status = g.Status == DisparityStatus.Flag && !(adjusted[i] <= FalseDiscoveryLevel) ? DisparityStatus.OutsideBand : g.Status,
        }).ToArray();
    }

    /// <summary>The stratum of a need profile and a number of children: worst severity × moderate problems (to 3) × present problems (to 4) × children (to 3).</summary>
    public static int Stratum(NeedProfile need, int children) =>
        ((need.Worst * 4 + Math.Min(need.ModerateProblems, 3)) * 5 + Math.Min(need.PresentProblems, 4)) * 4 + Math.Min(children, 3);

    /// <summary>The flags among <paramref name="groups"/>, with ids <c>need-standardised/dimension/group/selection</c>.</summary>
    public static IReadOnlyList<FairnessFlag> Flags(IEnumerable<StandardisedGroup> groups) => groups
        .Where(g => g.Status == DisparityStatus.Flag)
        .Select(g => new FairnessFlag($"need-standardised/{FairnessFlag.Slug(g.Dimension)}/{FairnessFlag.Slug(g.Group)}/selection", "need_standardised",
            g.Dimension, g.Group, "selection", string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{g.Group} ({g.Dimension}) is selected {g.Ratio:0.00} times as often as families with the same true need (95% interval {g.RatioInterval.Lower:0.00} to {g.RatioInterval.Upper:0.00}): {g.Selected} selected against {g.Expected:0.0} expected.")))
        .ToArray();

    /// <summary>The fairness audit's reading of a ratio; an infinite one (nothing expected) is as undefined as a missing one.</summary>
    private static string Status(double ratio, bool small, Interval interval) =>
        DisparityStatus.Of(double.IsFinite(ratio) ? ratio : double.NaN, Tolerance, small, hasInterval: true, significant: interval.Excludes(1));

    /// <summary>Families, selected and expected per (column, group), each family weighing its copies in the resample.</summary>
    private static Dictionary<(int Column, string Group), (double Families, double Selected, double Expected)> Totals(
        IReadOnlyList<GroupColumn> groups, bool[] selected, int[] strata, int[]? copies)
    {
        var stratumFamilies = new Dictionary<int, double>();
        var stratumSelected = new Dictionary<int, double>();
        for (var row = 0; row < selected.Length; row++)
        {
            var weight = copies?[row] ?? 1;
            stratumFamilies[strata[row]] = stratumFamilies.GetValueOrDefault(strata[row]) + weight;
            stratumSelected[strata[row]] = stratumSelected.GetValueOrDefault(strata[row]) + (selected[row] ? weight : 0);
        }
        var totals = new Dictionary<(int, string), (double Families, double Selected, double Expected)>();
        for (var column = 0; column < groups.Count; column++)
        {
            for (var row = 0; row < selected.Length; row++)
            {
                var weight = copies?[row] ?? 1;
                if (weight == 0)
                    continue;
                var rate = stratumSelected[strata[row]] / stratumFamilies[strata[row]];
                var key = (column, groups[column].Values[row]);
                var (families, chosen, expected) = totals.GetValueOrDefault(key);
                totals[key] = (families + weight, chosen + (selected[row] ? weight : 0), expected + weight * rate);
            }
        }
        return totals;
    }
}
