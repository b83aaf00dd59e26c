namespace EarlyHelp.Analytics.Hub.Models;

/// <summary>One promotion check as it stood when the candidate was proposed.</summary>
/// <param name="Rule">What was checked.</param>
/// <param name="Passed">Whether the candidate passed.</param>
/// <param name="Detail">The figures behind the verdict.</param>
public sealed record ProposalCheck(string Rule, bool Passed, string Detail);

/// <summary>What an analyst hands to information governance with a proposal.</summary>
/// <param name="Checks">The promotion checks, every one passed.</param>
/// <param name="FlagIds">The ids of the candidate's fairness flags; the sign-off note must answer each.</param>
public sealed record ProposalEvidence(IReadOnlyList<ProposalCheck> Checks, IReadOnlyList<string> FlagIds);

/// <summary>What information governance decided about a proposal.</summary>
public enum ProposalDecision
{
    /// <summary>Signed off: the candidate became the champion.</summary>
    SignedOff,

    /// <summary>Refused: the candidate stays a candidate.</summary>
    Refused,
}

/// <summary>An analyst's proposal to make a candidate the champion, and information governance's decision on it.</summary>
/// <param name="Id">The proposal's number.</param>
/// <param name="Model">The candidate's name.</param>
/// <param name="ProposedBy">The analyst who proposed it.</param>
/// <param name="ProposedAt">When (UTC).</param>
/// <param name="Note">The analyst's note.</param>
/// <param name="Evidence">The checks and fairness flags at the time.</param>
/// <param name="ChampionAtProposal">The champion when it was proposed, whose comparison the checks hold; null when there was none.</param>
/// <param name="Decision">Signed off or refused; null while it awaits information governance.</param>
/// <param name="DecidedBy">The reviewer who decided, or null.</param>
/// <param name="DecidedAt">When, or null.</param>
/// <param name="DecisionNote">The reviewer's note, answering each fairness flag; null while open.</param>
public sealed record ModelProposal(
    long Id, string Model, string ProposedBy, DateTimeOffset ProposedAt, string Note, ProposalEvidence Evidence,
    string? ChampionAtProposal, ProposalDecision? Decision, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionNote)
{
    /// <summary>Whether it still awaits an information governance decision.</summary>
    public bool IsOpen => Decision is null;
}
