namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>Whether a factor raised or lowered the family's score.</summary>
public enum EvidenceDirection
{
    /// <summary>The factor raised the score.</summary>
    Raises,

    /// <summary>The factor lowered the score (a protective factor).</summary>
    Lowers,
}

/// <summary>
/// One contributing factor, told as a dated, plain-language fact: "3 police call-outs for domestic abuse
/// in the last 6 months, most recent 12 Feb".
/// </summary>
/// <param name="Category">The problem the fact belongs to, or null for a fact about the family as a whole (its make-up, or its records across every problem).</param>
/// <param name="Text">The fact in plain words.</param>
/// <param name="Contribution">The factor's TreeSHAP contribution to the score, in log-odds; positive raises, negative lowers, never zero.</param>
/// <param name="MostRecent">Date of the most recent record behind the fact, when it rests on dated records.</param>
public sealed record EvidenceItem(ProblemCategory? Category, string Text, double Contribution, DateOnly? MostRecent)
{
    /// <summary>The longest text accepted.</summary>
    public const int MaximumTextLength = 300;

    /// <summary>Raises for a positive contribution, lowers for a negative one.</summary>
    public EvidenceDirection Direction => Contribution > 0 ? EvidenceDirection.Raises : EvidenceDirection.Lowers;
}

/// <summary>The evidence about one problem: the facts that raised the score and those that lowered it, largest first.</summary>
/// <param name="Category">The problem, or null for the facts about the family as a whole.</param>
/// <param name="Raising">Facts that raised the score, by contribution, largest first.</param>
/// <param name="Lowering">Facts that lowered it, by size of contribution, largest first.</param>
public sealed record EvidenceGroup(ProblemCategory? Category, IReadOnlyList<EvidenceItem> Raising, IReadOnlyList<EvidenceItem> Lowering)
{
    /// <summary>The heading of the group: the problem's plain name, or "The family as a whole".</summary>
    public string Heading => Category?.PlainName() ?? "The family as a whole";
}

/// <summary>A problem's monthly record counts, oldest month first, for the trajectory chart.</summary>
/// <param name="Category">The headline problem.</param>
/// <param name="FirstMonth">The month of the first count.</param>
/// <param name="MonthlyCounts">Records per month from <paramref name="FirstMonth"/> on.</param>
public sealed record ProblemTrajectory(ProblemCategory Category, YearMonth FirstMonth, IReadOnlyList<int> MonthlyCounts)
{
    /// <summary>The month of the last count.</summary>
    public YearMonth LastMonth => FirstMonth.AddMonths(MonthlyCounts.Count - 1);
}

/// <summary>An agency currently involved with the family.</summary>
/// <param name="Agency">The agency, e.g. "Early help service".</param>
/// <param name="Dataset">What the involvement is, as the dataset names it, e.g. "Early help assessment".</param>
/// <param name="Since">When the current involvement started.</param>
public sealed record AgencyInvolvement(string Agency, string Dataset, DateOnly Since);

/// <summary>How fresh one source is: the newest record it holds about anyone, and the extract it came in.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Dataset">The dataset's plain name.</param>
/// <param name="LatestRecord">Date of the newest record in the dataset, or null when it holds none.</param>
/// <param name="ExtractDate">Date of the extract the dataset was last loaded from.</param>
public sealed record SourceFreshness(string Agency, string Dataset, DateOnly? LatestRecord, DateOnly ExtractDate);
