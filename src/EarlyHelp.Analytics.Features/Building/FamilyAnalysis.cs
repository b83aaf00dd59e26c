using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;

namespace EarlyHelp.Analytics.Features.Building;

/// <summary>
/// One pass over a family at T: who the members are, and their contributing records bucketed by
/// month offset for every counting scope (each source dataset, each headline problem, all problems).
/// Every feature is then read off these totals. Reused from family to family to avoid allocation,
/// so one instance serves one thread.
/// </summary>
internal sealed class FamilyAnalysis
{
    /// <summary>Month offsets kept per scope: 12 recent months and the 24 before them (new vs persistent).</summary>
    public const int TrackedMonths = 36;

    /// <summary>Stored for "no such record".</summary>
    public const int None = int.MaxValue;

    /// <summary>Scope of the first headline problem: the problem scopes follow the dataset scopes, in headline order.</summary>
    public static readonly int FirstProblemScope = DatasetIndex.SourceCount;

    /// <summary>Scope of all headline problems together; problem scopes sit just before it, dataset scopes from 0.</summary>
    public static readonly int AllProblemsScope = DatasetIndex.SourceCount + ProblemCategories.Headline.Count;

    /// <summary>Number of counting scopes.</summary>
    public static readonly int ScopeCount = AllProblemsScope + 1;

    private static readonly int[] ProblemScopeOfDataset = Enumerable.Range(0, DatasetIndex.SourceCount)
        .Select(d => ProblemScope(DatasetIndex.Definition(d).Category)).ToArray();

    private readonly List<int> moveDays = [];

    /// <summary>Record counts by scope and month offset: <c>[scope * TrackedMonths + offset]</c>.</summary>
    public int[] Monthly { get; } = new int[ScopeCount * TrackedMonths];

    /// <summary>Month offset of the most recent contributing record per scope, or <see cref="None"/>.</summary>
    public int[] Latest { get; } = new int[ScopeCount];

    /// <summary>Records open at T per scope.</summary>
    public int[] Open { get; } = new int[ScopeCount];

    /// <summary>Month offset of the most recent record per agency, or <see cref="None"/>.</summary>
    public int[] AgencyLatest { get; } = new int[DatasetIndex.AgencyCount];

    /// <summary>Month offset of each member's most recent source record, or <see cref="None"/>.</summary>
    public List<int> MemberLatest { get; } = [];

    /// <summary>Ended records per statutory outcome, in <see cref="DatasetCatalogue.Outcomes"/> order.</summary>
    public int[] StatutoryEnded { get; } = new int[DatasetCatalogue.Outcomes.Count];

    /// <summary>The rules at T the analysis was made with.</summary>
    public AsOfDate AsOf { get; private set; } = null!;

    /// <summary>Members at T.</summary>
    public int Members { get; private set; }

    /// <summary>Dependent children at T.</summary>
    public int Children { get; private set; }

    /// <summary>Children aged 0–4 at T.</summary>
    public int ChildrenUnderFive { get; private set; }

    /// <summary>Members aged 18 or over at T.</summary>
    public int Adults { get; private set; }

    /// <summary>Members in the parent role at T.</summary>
    public int Parents { get; private set; }

    /// <summary>Age of the youngest child (meaningless without children).</summary>
    public int YoungestChildAge { get; private set; }

    /// <summary>Age of the oldest child (meaningless without children).</summary>
    public int OldestChildAge { get; private set; }

    /// <summary>True when a member at T is on the opt-out register.</summary>
    public bool AnyOptedOut { get; private set; }

    /// <summary>True when a child at T has a statutory outcome record open at T.</summary>
    public bool ChildInStatutoryCare { get; private set; }

    /// <summary>Early help episodes ended before T.</summary>
    public int EarlyHelpEnded { get; private set; }

    /// <summary>Early help episodes open at T.</summary>
    public int EarlyHelpOpen { get; private set; }

    /// <summary>Day number of the latest early help end before T, or <see cref="int.MinValue"/>.</summary>
    public int EarlyHelpLatestEndDay { get; private set; }

    /// <summary>Day number of the latest statutory outcome end before T, or <see cref="int.MinValue"/>.</summary>
    public int StatutoryLatestEndDay { get; private set; }

    /// <summary>The counting scope of a headline problem.</summary>
    public static int ProblemScope(ProblemCategory problem)
    {
        var position = -1;
        for (var i = 0; i < ProblemCategories.Headline.Count; i++)
            position = ProblemCategories.Headline[i] == problem ? i : position;
        return position < 0 ? throw new ArgumentOutOfRangeException(nameof(problem), problem, "Not a headline problem.") : FirstProblemScope + position;
    }

    /// <summary>Records of a scope in offsets [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public int Count(int scope, int from, int to)
    {
        var total = 0;
        var row = scope * TrackedMonths;
        for (var offset = from; offset < to; offset++)
            total += Monthly[row + offset];
        return total;
    }

    /// <summary>Distinct days, in the last <paramref name="months"/> months, on which a member moved from one address to another.</summary>
    public int MovesWithin(int months)
    {
        var moves = 0;
        var previous = int.MinValue;
        moveDays.Sort();
        foreach (var day in moveDays)
        {
            if (day != previous && AsOf.MonthOffset(day) < months)
                moves++;
            previous = day;
        }
        return moves;
    }

    /// <summary>Analyses <paramref name="history"/> at <paramref name="asOf"/>, replacing the previous analysis.</summary>
    public void Analyse(FamilyHistory history, AsOfDate asOf)
    {
        Reset(asOf);
        for (var i = 0; i < history.Members.Count; i++)
        {
            var member = history.Members[i];
            if (MembersAtDate.RoleAt(member, asOf) is not { } role)
                continue;
            var isChild = CountMember(member, role);
            AnyOptedOut |= member.OptedOut;
            CollectMoves(member);
            MemberLatest.Add(CountRecords(member, isChild));
        }
    }

    private void Reset(AsOfDate asOf)
    {
        AsOf = asOf;
        Array.Clear(Monthly);
        Array.Fill(Latest, None);
        Array.Clear(Open);
        Array.Fill(AgencyLatest, None);
        Array.Clear(StatutoryEnded);
        MemberLatest.Clear();
        moveDays.Clear();
        Members = Children = ChildrenUnderFive = Adults = Parents = EarlyHelpEnded = EarlyHelpOpen = 0;
        YoungestChildAge = int.MaxValue;
        OldestChildAge = int.MinValue;
        EarlyHelpLatestEndDay = StatutoryLatestEndDay = int.MinValue;
        AnyOptedOut = ChildInStatutoryCare = false;
    }

    private bool CountMember(MemberHistory member, FamilyRole role)
    {
        Members++;
        if (role == FamilyRole.Parent)
            Parents++;
        var age = MembersAtDate.AgeAt(member, AsOf);
        if (!MembersAtDate.IsChildAge(age))
        {
            if (age > MembersAtDate.OldestChildAge)
                Adults++;
            return false;
        }
        Children++;
        if (age < 5)
            ChildrenUnderFive++;
        YoungestChildAge = Math.Min(YoungestChildAge, age);
        OldestChildAge = Math.Max(OldestChildAge, age);
        return true;
    }

    private void CollectMoves(MemberHistory member)
    {
        // A residence after an earlier one is a move; a first residence (birth, arrival) is not.
        for (var i = 1; i < member.Residences.Count; i++)
        {
            var start = member.Residences[i].Start;
            if (AsOf.IsKnown(start) && AsOf.MonthOffset(start) < TrackedMonths)
                moveDays.Add(start.DayNumber);
        }
    }

    /// <summary>Adds the member's contributing records; returns the month offset of their most recent source record.</summary>
    private int CountRecords(MemberHistory member, bool isChild)
    {
        var memberLatest = None;
        foreach (ref readonly var record in member.Events.Span)
        {
            if (!AsOf.IsKnownDay(record.StartDay))
                break;
            if (!AsOf.Contributes(record))
                continue;
            var dataset = record.Dataset;
            if (DatasetIndex.IsOutcome(dataset))
            {
                CountOutcome(record, isChild);
                continue;
            }
            var offset = AsOf.MonthOffset(record.StartDay);
            var open = AsOf.IsOpen(record);
            Add(dataset, offset, open);
            Add(ProblemScopeOfDataset[dataset], offset, open);
            Add(AllProblemsScope, offset, open);
            memberLatest = Math.Min(memberLatest, offset);
            var agency = DatasetIndex.Agency(dataset);
            AgencyLatest[agency] = Math.Min(AgencyLatest[agency], offset);
            if (dataset == DatasetIndex.EarlyHelp)
                CountEarlyHelp(record, open);
        }
        return memberLatest;
    }

    private void Add(int scope, int offset, bool open)
    {
        if (offset < TrackedMonths)
            Monthly[scope * TrackedMonths + offset]++;
        Latest[scope] = Math.Min(Latest[scope], offset);
        if (open)
            Open[scope]++;
    }

    private void CountOutcome(in HistoryEvent record, bool isChild)
    {
        if (AsOf.HasEnded(record))
        {
            StatutoryEnded[record.Dataset - DatasetIndex.SourceCount]++;
            StatutoryLatestEndDay = Math.Max(StatutoryLatestEndDay, record.EndDay);
        }
        else if (isChild)
        {
            ChildInStatutoryCare = true;
        }
    }

    private void CountEarlyHelp(in HistoryEvent record, bool open)
    {
        if (open)
        {
            EarlyHelpOpen++;
        }
        else if (AsOf.HasEnded(record))
        {
            EarlyHelpEnded++;
            EarlyHelpLatestEndDay = Math.Max(EarlyHelpLatestEndDay, record.EndDay);
        }
    }
}
