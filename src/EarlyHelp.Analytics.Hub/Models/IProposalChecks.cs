using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Models;

/// <summary>
/// The promotion checks a candidate must pass before an analyst's proposal is recorded: the training pipeline's own
/// (they load the model files and may re-score the champion), supplied by the host that runs them, so that the panel app
/// runs the same checks as <c>earlyhelp models propose</c> without depending on the training pipeline.
/// </summary>
public interface IProposalChecks
{
    /// <summary>
    /// Runs every check for proposing <paramref name="name"/> and records nothing; the evidence holds each check, passed
    /// or not, and the candidate's fairness flags. Throws <see cref="Core.BadInputException"/> when <paramref name="by"/>
    /// is not an enabled analyst account, the note is empty, the model is unknown or not a candidate, or its folder is damaged.
    /// </summary>
    ProposalEvidence Check(IHubStore store, string name, string by, string note);
}
