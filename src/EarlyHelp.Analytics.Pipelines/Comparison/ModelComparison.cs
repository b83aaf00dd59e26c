using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Pipelines.Drift;
using EarlyHelp.Analytics.Pipelines.Fairness;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Splits;

namespace EarlyHelp.Analytics.Pipelines.Comparison;

/// <summary>One group's treatment by two models on the same families.</summary>
/// <param name="Dimension">The group column.</param>
/// <param name="Group">The group.</param>
/// <param name="Families">Test families in it.</param>
/// <param name="First">The first model's result for the group.</param>
/// <param name="Second">The second model's.</param>
public sealed record GroupChange(string Dimension, string Group, long Families, GroupResult First, GroupResult Second);

/// <summary>A model's drift as its run measured it.</summary>
/// <param name="Model">The model.</param>
/// <param name="Report">Its drift report.</param>
public sealed record DriftSide(string Model, DriftReport Report);

/// <summary>Two models side by side on the same test families: metrics, fairness and drift.</summary>
/// <param name="First">The first model (A).</param>
/// <param name="Second">The second model (B).</param>
/// <param name="TestPeriodOf">Whose test families were used: the model with the later test date.</param>
/// <param name="TestDate">Their as-of date.</param>
/// <param name="RowsMatchFingerprint">Whether the rebuilt rows are exactly those that model was tested on.</param>
/// <param name="Warnings">What to bear in mind reading the comparison.</param>
/// <param name="Test">Second (first scorer) against first on the same families, paired.</param>
/// <param name="Groups">Each group under both models.</param>
/// <param name="FirstFlags">Flag ids of the first model on these families.</param>
/// <param name="SecondFlags">Flag ids of the second model on these families.</param>
/// <param name="Drift">Each model's drift, first then second.</param>
public sealed record ModelComparisonReport(
    string First, string Second, string TestPeriodOf, DateOnly TestDate, bool RowsMatchFingerprint, IReadOnlyList<string> Warnings,
    ScorerComparison Test, IReadOnlyList<GroupChange> Groups, IReadOnlyList<string> FirstFlags, IReadOnlyList<string> SecondFlags, IReadOnlyList<DriftSide> Drift);

/// <summary>
/// <c>earlyhelp models compare A B</c>: both models scored on the same test families — those of the model
/// with the later test date, rebuilt from the hub — with paired bootstrap intervals of B − A, the fairness
/// audit of each on those families, and each model's drift.
/// </summary>
public static class ModelComparison
{
    /// <summary>Compares the models in folders <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static ModelComparisonReport Compare(IHubStore store, string first, string second, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        var a = ModelFolder.Load(first);
        var b = ModelFolder.Load(second);
        var owner = a.TrainingData.TestDate > b.TrainingData.TestDate ? a : b;
        var period = TestPeriod.Rebuild(store, owner.TrainingData, progress);
        var seed = owner.TrainingData.Seed;
        var tieKeys = period.TieKeys(seed);
        var scoresA = a.Model.PredictProbability(period.DataFor(a));
        var scoresB = b.Model.PredictProbability(period.DataFor(b));
        var resamples = owner.Report.Test.Resamples;
        var test = PairedBootstrap.Run([new Scorer(b.Name, scoresB), new Scorer(a.Name, scoresA)], period.Labels, tieKeys, period.Capacity, resamples, seed);

        var groups = FamilyGroups.Build(period.AuditedFamilies(), store.OpenProtectedCharacteristicsReader(), store.OpenReader().Households());
        var audit = new FairnessAudit(CapacityAudit.ForCapacity(period.Capacity, resamples, seed));
        var fairnessA = audit.Run(new ScoredPopulation(scoresA, period.Labels, groups, "calibrated probability") { TieKeys = tieKeys });
        var fairnessB = audit.Run(new ScoredPopulation(scoresB, period.Labels, groups, "calibrated probability") { TieKeys = tieKeys });
        var changes = fairnessA.Groups.Zip(fairnessB.Groups, (x, y) => new GroupChange(x.Dimension, x.Group, x.Rows, x, y)).ToArray();

        return new ModelComparisonReport(a.Name, b.Name, owner.Name, period.AsOf, period.MatchesFingerprint, Warnings(a, b, owner, period),
            test, changes,
            FairnessFlag.From(fairnessA, FairnessFlag.EscalationReport).Select(f => f.Id).ToArray(),
            FairnessFlag.From(fairnessB, FairnessFlag.EscalationReport).Select(f => f.Id).ToArray(),
            [new DriftSide(a.Name, ModelFolder.ReadJson<DriftReport>(a.Folder, ModelFolderLayout.Drift)), new DriftSide(b.Name, ModelFolder.ReadJson<DriftReport>(b.Folder, ModelFolderLayout.Drift))]);
    }

    private static List<string> Warnings(LoadedModel a, LoadedModel b, LoadedModel owner, TestPeriod period)
    {
        var warnings = new List<string>();
        if (!period.MatchesFingerprint)
            warnings.Add($"The hub has changed since {owner.Name} was trained: the rebuilt test families are not exactly those it was tested on, so its figures here differ a little from its card.");
        var other = ReferenceEquals(owner, a) ? b : a;
        var otherShares = PartitionShares.FromNames(other.TrainingData.PartitionShares);
        var seen = period.Families.Count(f => period.Groups.PartitionOf(f, other.TrainingData.Seed, otherShares) != Partition.Test);
        if (seen > 0)
            warnings.Add($"{seen:N0} of the {period.Rows.Count:N0} test families were in {other.Name}'s training, validation or calibration families (it was split with another seed or other shares): that flatters {other.Name}.");
        if (other.TrainingData.TestDate != period.AsOf)
            warnings.Add($"{other.Name} was tested on {other.TrainingData.TestDate:yyyy-MM-dd}; both are compared here on {owner.Name}'s test families of {period.AsOf:yyyy-MM-dd}.");
        return warnings;
    }
}
