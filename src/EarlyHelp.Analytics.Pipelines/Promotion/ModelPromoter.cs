using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Comparison;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Training;

namespace EarlyHelp.Analytics.Pipelines.Promotion;

/// <summary>What a promotion attempt came to.</summary>
public abstract record PromotionOutcome
{
    private PromotionOutcome()
    {
    }

    /// <summary>Every check, passed or not.</summary>
    public abstract IReadOnlyList<RuleOutcome> Checks { get; }

    /// <summary>The candidate is the champion now.</summary>
    /// <param name="Model">Its registry row.</param>
    /// <param name="Checks">The checks it passed.</param>
    /// <param name="Retired">The champion it replaced, or null.</param>
    public sealed record Promoted(RegisteredModel Model, IReadOnlyList<RuleOutcome> Checks, string? Retired) : PromotionOutcome
    {
        /// <inheritdoc />
        public override IReadOnlyList<RuleOutcome> Checks { get; } = Checks;
    }

    /// <summary>The candidate stays a candidate; <see cref="Checks"/> says why.</summary>
    /// <param name="Name">The candidate.</param>
    /// <param name="Checks">Every check; the failed ones are the reasons.</param>
    public sealed record Refused(string Name, IReadOnlyList<RuleOutcome> Checks) : PromotionOutcome
    {
        /// <inheritdoc />
        public override IReadOnlyList<RuleOutcome> Checks { get; } = Checks;

        /// <summary>The checks that failed.</summary>
        public IEnumerable<RuleOutcome> Failed => Checks.Where(c => !c.Passed);
    }
}

/// <summary>
/// Promotes a candidate to champion when it passes <see cref="PromotionRules"/>: the registry row, the
/// retirement of the old champion and the audit-log entry in one transaction. The champion is re-scored
/// on the candidate's test families — from the candidate's run when the champion is the same model,
/// otherwise by rebuilding those families' features from the hub. Only an information governance reviewer may
/// promote: <c>by</c> must name an enabled hub account with the ig role, whoever the caller is.
/// </summary>
public static class ModelPromoter
{
    /// <summary>
    /// Checks and, if every check passes, promotes. Throws <see cref="BadInputException"/> when <paramref name="by"/> is not
    /// an enabled information governance account, for an unknown or non-candidate model, or a damaged folder.
    /// </summary>
    public static PromotionOutcome Promote(IHubStore store, string name, string by, string note, IProgress<WorkProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        if (string.IsNullOrWhiteSpace(by))
            throw new BadInputException(name, "a promotion needs the name of the person promoting");
        // Here rather than only in the command line, so that no caller (a script, the demo, a later web page) can promote without one.
        var reviewer = store.Users.Find(by);
        if (reviewer is not { Disabled: false, Role: UserRole.Governance })
        {
            var found = reviewer is null ? "not a hub account" : reviewer.Disabled ? "switched off" : $"an account with the role {reviewer.Role.Code()}";
            throw new BadInputException(name, $"a promotion needs an enabled information governance (ig) reviewer's account; '{by}' is {found}");
        }
        if (string.IsNullOrWhiteSpace(note))
            throw new BadInputException(name, "a promotion needs a note saying why, and what was concluded about each fairness flag");
        var registered = store.Models.Find(name) ?? throw new BadInputException(name, "no model of this name is registered; see 'earlyhelp models list'");
        if (registered.Status != ModelStatus.Candidate)
            throw new BadInputException(name, $"the model is {registered.Status.Code()}, not a candidate; only a candidate can be promoted");
        var candidate = ModelFolder.Load(registered.Registration.Folder);
        if (candidate.ModelSha256 != registered.Registration.ModelSha256)
            throw new BadInputException(registered.Registration.Folder, $"the model file's SHA-256 is {candidate.ModelSha256} but the registry records {registered.Registration.ModelSha256}");

        var champion = store.Models.Champion();
        var evidence = champion is null ? null : ChampionOnCandidateRows(store, candidate, champion, progress);
        var checks = PromotionRules.Check(candidate.Report, evidence, note);
        if (checks.Any(c => !c.Passed))
            return new PromotionOutcome.Refused(name, checks);
        var promoted = store.Models.Promote(name, by, note);
        return new PromotionOutcome.Promoted(promoted, checks, champion?.Name);
    }

    private static ChampionEvidence ChampionOnCandidateRows(IHubStore store, LoadedModel candidate, RegisteredModel champion, IProgress<WorkProgress>? progress)
    {
        if (candidate.Report.Champion is { Test: { } recorded } atTraining && atTraining.Name == champion.Name && atTraining.ModelSha256 == champion.Registration.ModelSha256)
            return new ChampionEvidence(champion.Name, recorded);
        var current = ModelFolder.Load(champion.Registration.Folder);
        var period = TestPeriod.Rebuild(store, candidate.TrainingData, progress);
        var scores = PairedBootstrap.Run(
            [
                new Scorer(TrainingReport.ModelScorer, candidate.Model.PredictProbability(period.Data)),
                new Scorer(ChampionComparison.ChampionScorer, current.Model.PredictProbability(period.Data)),
            ],
            period.Labels, period.TieKeys(candidate.TrainingData.Seed), period.Capacity, candidate.Report.Test.Resamples, candidate.TrainingData.Seed);
        return new ChampionEvidence(champion.Name, scores);
    }
}
