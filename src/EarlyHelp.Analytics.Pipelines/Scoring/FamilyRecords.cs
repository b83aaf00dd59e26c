using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>
/// The dated records behind a family's features at T: the agency records of the people who are members at T that
/// contribute at T (known before T and within retention, the rules of <see cref="AsOfDate"/>), and their moves of
/// address. Evidence and agency involvement read their dates from here, so that a prompt's dates are the family's own.
/// </summary>
internal sealed class FamilyRecords
{
    private FamilyRecords(AsOfDate asOf, IReadOnlyList<HistoryEvent> records, IReadOnlyList<DateOnly> moves)
    {
        AsOf = asOf;
        Records = records;
        Moves = moves;
    }

    /// <summary>The point-in-time rules at T.</summary>
    public AsOfDate AsOf { get; }

    /// <summary>Contributing records of members at T, sources and outcomes, oldest first.</summary>
    public IReadOnlyList<HistoryEvent> Records { get; }

    /// <summary>Dates before T on which a member at T moved from one address to another, oldest first.</summary>
    public IReadOnlyList<DateOnly> Moves { get; }

    /// <summary>The records of <paramref name="history"/> that count at <paramref name="asOf"/>.</summary>
    public static FamilyRecords Of(FamilyHistory history, AsOfDate asOf)
    {
        var records = new List<HistoryEvent>();
        var moves = new List<DateOnly>();
        foreach (var member in history.Members)
        {
            if (MembersAtDate.RoleAt(member, asOf) is null)
                continue;
            foreach (var record in member.Events.Span)
            {
                if (asOf.Contributes(record))
                    records.Add(record);
            }
            // A residence after an earlier one is a move, as the features count them.
            for (var i = 1; i < member.Residences.Count; i++)
            {
                if (asOf.IsKnown(member.Residences[i].Start))
                    moves.Add(member.Residences[i].Start);
            }
        }
        records.Sort();
        moves.Sort();
        return new FamilyRecords(asOf, records, moves);
    }

    /// <summary>The latest start of a record of a source dataset matching <paramref name="inScope"/> that started in the last <paramref name="months"/> months (any time when null).</summary>
    public DateOnly? LatestStart(Func<DatasetDefinition, bool> inScope, int? months = null) =>
        Latest(Records.Where(r => !DatasetIndex.IsOutcome(r.Dataset) && inScope(r.Definition) && Within(r.Start, months)).Select(r => r.Start));

    /// <summary>The latest start of a record matching <paramref name="inScope"/> that is open at T.</summary>
    public DateOnly? LatestOpenStart(Func<DatasetDefinition, bool> inScope) =>
        Latest(Records.Where(r => AsOf.IsOpen(r) && inScope(r.Definition)).Select(r => r.Start));

    /// <summary>The latest end before T of a record matching <paramref name="inScope"/>.</summary>
    public DateOnly? LatestEnd(Func<DatasetDefinition, bool> inScope) =>
        Latest(Records.Where(r => AsOf.HasEnded(r) && inScope(r.Definition)).Select(r => r.End!.Value));

    /// <summary>The latest move in the last <paramref name="months"/> months.</summary>
    public DateOnly? LatestMove(int months) => Latest(Moves.Where(date => Within(date, months)));

    private bool Within(DateOnly date, int? months) => months is not { } window || date >= AsOf.MonthsEarlier(window);

    private static DateOnly? Latest(IEnumerable<DateOnly> dates) => dates.Select(d => (DateOnly?)d).Max();
}
