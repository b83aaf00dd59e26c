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

    /// <summary>The candidate passed the evidence rules and awaits an information governance sign-off.</summary>
    /// <param name="Proposal">The open proposal.</param>
    /// <param name="Checks">The checks it passed.</param>
    public sealed record Proposed(ModelProposal Proposal, IReadOnlyList<RuleOutcome> Checks) : PromotionOutcome
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
/// Promotion in two steps by two people. <see cref="Propose"/>: an analyst puts forward a candidate that passes the
/// evidence rules of <see cref="PromotionRules"/>; the champion is re-scored on the candidate's test families — from the
/// candidate's run when the champion is the same model, otherwise by rebuilding those families' features from the hub.
/// <see cref="Promote"/>: an information governance reviewer signs it off with a note answering each fairness flag, and
/// only then is it the champion (the registry row, the old champion's retirement and the audit entry in one transaction).
/// <c>by</c> must name an enabled hub account with the role of its step, whoever the caller is.
/// </summary>
public static class ModelPromoter
{
    /// <summary>
    /// Checks the candidate's evidence and, if every rule passes, records the proposal for information governance. Throws
    /// <see cref="BadInputException"/> when <paramref name="by"/> is not an enabled analyst account, for an unknown or
    /// non-candidate model, a damaged folder, or a model with a proposal already open.
    /// </summary>
    public static PromotionOutcome Propose(IHubStore store, string name, string by, string note, IProgress<WorkProgress>? progress = null)
    {
        var (checks, candidate) = Check(store, name, by, note, progress);
        if (checks.Any(c => !c.Passed))
            return new PromotionOutcome.Refused(name, checks);
        var proposal = store.Models.Propose(name, by, note, Evidence(checks, candidate));
        return new PromotionOutcome.Proposed(proposal, checks);
    }

    /// <summary>
    /// The checks of <see cref="Propose"/>, passed or not, with the candidate's fairness flags, recording nothing (the panel
    /// app runs them on a reading connection and records the proposal in its own write turn). Throws as <see cref="Propose"/> does.
    /// </summary>
    public static ProposalEvidence CheckProposal(IHubStore store, string name, string by, string note, IProgress<WorkProgress>? progress = null)
    {
        var (checks, candidate) = Check(store, name, by, note, progress);
        return Evidence(checks, candidate);
    }

    private static (IReadOnlyList<RuleOutcome> Checks, LoadedModel Candidate) Check(IHubStore store, string name, string by, string note, IProgress<WorkProgress>? progress)
    {
        ArgumentNullException.ThrowIfNull(store);
        RequireAccount(store, name, by, UserRole.Analyst, "a proposal needs an enabled analyst account");
        if (string.IsNullOrWhiteSpace(note))
            throw new BadInputException(name, "a proposal needs a note saying why the candidate should replace the champion");
        var candidate = LoadCandidate(store, name);
        var champion = store.Models.Champion();
        var evidence = champion is null ? null : ChampionOnCandidateRows(store, candidate, champion, progress);
        return (PromotionRules.CheckEvidence(candidate.Report, evidence), candidate);
    }

    private static LoadedModel LoadCandidate(IHubStore store, string name)
    {
        var registered = FindCandidate(store, name);
        var candidate = ModelFolder.Load(registered.Registration.Folder);
        if (candidate.ModelSha256 != registered.Registration.ModelSha256)
            throw new BadInputException(registered.Registration.Folder, $"the model file's SHA-256 is {candidate.ModelSha256} but the registry records {registered.Registration.ModelSha256}");
        return candidate;
    }

    private static ProposalEvidence Evidence(IReadOnlyList<RuleOutcome> checks, LoadedModel candidate) =>
        new([.. checks.Select(c => new ProposalCheck(c.Rule, c.Passed, c.Detail))], [.. candidate.Report.FairnessFlags.Select(f => f.Id)]);

    /// <summary>
    /// Signs off the candidate's open proposal, which makes it the champion. Throws <see cref="BadInputException"/> when
    /// <paramref name="by"/> is not an enabled information governance account, for an unknown or non-candidate model, or
    /// when the registry refuses the sign-off (no open proposal, the proposer signing, the champion changed, a flag unanswered).
    /// </summary>
    public static PromotionOutcome Promote(IHubStore store, string name, string by, string note)
    {
        ArgumentNullException.ThrowIfNull(store);
        // Here rather than only in the command line, so that no caller (a script, the demo, a later web page) can promote without one.
        RequireAccount(store, name, by, UserRole.Governance, "a promotion needs an enabled information governance (ig) reviewer's account");
        if (string.IsNullOrWhiteSpace(note))
            throw new BadInputException(name, "a promotion needs a note saying why, and what was concluded about each fairness flag");
        FindCandidate(store, name);
        var retiring = store.Models.Champion()?.Name;
        var proposal = store.Models.OpenProposals().FirstOrDefault(p => p.Model == name);
        var promoted = store.Models.Promote(name, by, note);
        var checks = proposal?.Evidence.Checks.Select(c => new RuleOutcome(c.Rule, c.Passed, c.Detail)).ToList() ?? [];
        checks.Add(new RuleOutcome("every fairness flag acknowledged", true, proposal is null || proposal.Evidence.FlagIds.Count == 0
            ? "no fairness flag was raised"
            : $"the note answers every flag: {string.Join(", ", proposal.Evidence.FlagIds)}"));
        return new PromotionOutcome.Promoted(promoted, checks, retiring);
    }

    private static void RequireAccount(IHubStore store, string name, string by, UserRole role, string need)
    {
        if (string.IsNullOrWhiteSpace(by))
            throw new BadInputException(name, $"{need}; no account was named");
        var account = store.Users.Find(by);
        if (account is not { Disabled: false } || account.Role != role)
        {
            var found = account is null ? "not a hub account" : account.Disabled ? "switched off" : $"an account with the role {account.Role.Code()}";
            throw new BadInputException(name, $"{need}; '{by}' is {found}");
        }
    }

    private static RegisteredModel FindCandidate(IHubStore store, string name)
    {
        var registered = store.Models.Find(name) ?? throw new BadInputException(name, "no model of this name is registered; see 'earlyhelp models list'");
        if (registered.Status != ModelStatus.Candidate)
            throw new BadInputException(name, $"the model is {registered.Status.Code()}, not a candidate; only a candidate can be promoted");
        return registered;
    }

    private static ChampionEvidence ChampionOnCandidateRows(IHubStore store, LoadedModel candidate, RegisteredModel champion, IProgress<WorkProgress>? progress)
    {
        // Only a comparison made at training is reused: a problem it met (other features, other look-back periods, a
        // folder it could not read) is what the rebuilt test period below gets past.
        if (candidate.Report.Champion is { Test: { } recorded } atTraining && atTraining.Name == champion.Name && atTraining.ModelSha256 == champion.Registration.ModelSha256)
            return new ChampionEvidence(champion.Name, recorded);
        var current = ModelFolder.Load(champion.Registration.Folder);
        var period = TestPeriod.Rebuild(store, candidate.TrainingData, progress);
        var eligible = period.Table.Snapshots[0].Eligible;
        var rows = new ChampionTestRows(period.Families.ToArray(), period.Labels, period.TieKeys(candidate.TrainingData.Seed),
            n => TestRowKeys.Capacity(candidate.TrainingData.MonthlyCapacity, n, eligible), period.Groups);
        var (test, problem) = rows.Compare(candidate.Model.PredictProbability(period.DataFor(candidate)), current.Model.PredictProbability(period.DataFor(current)),
            current.TrainingData, candidate.Report.Test.Resamples, candidate.TrainingData.Seed);
        return new ChampionEvidence(champion.Name, test, problem);
    }
}
