using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Pipelines.Promotion;

/// <summary>
/// The checks of <c>earlyhelp models propose</c> (<see cref="ModelPromoter.CheckProposal"/>) for a host that lets analysts
/// propose elsewhere: <c>earlyhelp serve</c> hands this to the panel app, which has no reference to the pipelines.
/// </summary>
public sealed class ProposalChecks : IProposalChecks
{
    /// <inheritdoc />
    public ProposalEvidence Check(IHubStore store, string name, string by, string note) => ModelPromoter.CheckProposal(store, name, by, note);
}
