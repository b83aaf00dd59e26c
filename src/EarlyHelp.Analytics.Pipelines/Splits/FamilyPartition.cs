using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Pipelines.Splits;

/// <summary>The part of the data a family's rows may serve: each family is in exactly one.</summary>
public enum Partition
{
    /// <summary>Rows at the training dates train the model and the baselines.</summary>
    Training,

    /// <summary>Rows at the training dates and the calibration date stop the boosting early.</summary>
    Validation,

    /// <summary>Rows at the calibration date fit the calibrators.</summary>
    Calibration,

    /// <summary>Rows at the test date judge the model; its rows at the training dates check for leakage.</summary>
    Test,
}

/// <summary>
/// The shares of families assigned to each <see cref="Partition"/>. Defaults: 40% to training, 10% each to
/// early stopping and calibration, 40% to test. Training stacks a family's rows at many dates, so it loses
/// little by having fewer families; the test has one date, and its intervals narrow with every family it gets.
/// </summary>
public sealed record PartitionShares
{
    /// <summary>Share of families whose rows train. Default 0.4; greater than 0.</summary>
    public double Training { get; init; } = 0.4;

    /// <summary>Share of families that stop the boosting. Default 0.1; greater than 0.</summary>
    public double Validation { get; init; } = 0.1;

    /// <summary>Share of families that fit the calibrators. Default 0.1; greater than 0.</summary>
    public double Calibration { get; init; } = 0.1;

    /// <summary>Share of families that test. Default 0.4; greater than 0.</summary>
    public double Test { get; init; } = 0.4;

    /// <summary>The shares by partition name (<c>training</c>, <c>validation</c>, <c>calibration</c>, <c>test</c>), as files record them.</summary>
    public IReadOnlyDictionary<string, double> ByName() => new Dictionary<string, double>
    {
        ["training"] = Training,
        ["validation"] = Validation,
        ["calibration"] = Calibration,
        ["test"] = Test,
    };

    /// <summary>The shares as <see cref="ByName"/> recorded them.</summary>
    public static PartitionShares FromNames(IReadOnlyDictionary<string, double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        return new PartitionShares { Training = shares["training"], Validation = shares["validation"], Calibration = shares["calibration"], Test = shares["test"] };
    }

    /// <summary>Every problem with the shares, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, share) in new[] { (nameof(Training), Training), (nameof(Validation), Validation), (nameof(Calibration), Calibration), (nameof(Test), Test) })
        {
            if (!(share > 0 && share < 1))
                yield return Invariant($"The '{name}' share must lie between 0 and 1. Got {share} instead.");
        }
        var total = Training + Validation + Calibration + Test;
        if (Math.Abs(total - 1) > 1e-9)
            yield return Invariant($"The partition shares must add up to 1. Got {total} instead.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// Assigns each family, once and for all, to a partition by a seeded hash of its id — so no family has
/// rows on both sides of any split (siblings and a family's own later rows would otherwise leak its
/// outcome), and the same seed keeps a family in the same partition at every retrain.
/// </summary>
public static class FamilyPartition
{
    /// <summary>The partition of <paramref name="family"/> under <paramref name="seed"/>.</summary>
    public static Partition Of(FamilyId family, int seed, PartitionShares shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        var draw = UnitInterval(family.Value, seed);
        if (draw < shares.Training) return Partition.Training;
        if (draw < shares.Training + shares.Validation) return Partition.Validation;
        if (draw < shares.Training + shares.Validation + shares.Calibration) return Partition.Calibration;
        return Partition.Test;
    }

    /// <summary>
    /// A number in [0, 1) from the family id and seed, through SplitMix64's finaliser (Steele, Lea and
    /// Flood 2014): neighbouring ids land far apart, and the result is the same on every platform.
    /// </summary>
    public static double UnitInterval(long familyId, int seed)
    {
        var state = unchecked((ulong)familyId * 0x9E3779B97F4A7C15UL + ((ulong)(uint)seed << 32 | 0x5851F42DUL));
        state = unchecked((state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL);
        state = unchecked((state ^ (state >> 27)) * 0x94D049BB133111EBUL);
        state ^= state >> 31;
        return (state >> 11) * (1.0 / (1UL << 53));
    }
}
