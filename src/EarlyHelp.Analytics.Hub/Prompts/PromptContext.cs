using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// What the hub held about a prompt's family at the run's as-of date T, apart from the model's evidence: who is in it
/// (roles and ages, no names) and each agency record open at T or ended in the 12 months before it. Captured when the
/// run is saved, so that the queue and the prompt page read the family as it was at T and never read the family again.
/// </summary>
/// <param name="AsOf">The run's as-of date T.</param>
/// <param name="Members">The members at T, parents first, then children, then others; each by age, eldest first.</param>
/// <param name="Records">The records, newest start first.</param>
public sealed record PromptContext(DateOnly AsOf, IReadOnlyList<MemberAge> Members, IReadOnlyList<InvolvementRecord> Records)
{
    /// <summary>How far back a record that has ended still counts as a recent involvement.</summary>
    public const int RecentMonths = 12;

    /// <summary>The first day that is still within the recent window (<see cref="RecentMonths"/> before T).</summary>
    public DateOnly RecentStart => AsOf.AddMonths(-RecentMonths);

    /// <summary>The children's ages at T, youngest first.</summary>
    public IReadOnlyList<int> ChildAges => Members.Where(m => m.Role == FamilyRole.Child).Select(m => m.Age).Order().ToArray();

    /// <summary>Records open at T (started before T, with no end before T).</summary>
    public IEnumerable<InvolvementRecord> OpenNow => Records.Where(r => r.IsOpenAt(AsOf));

    /// <summary>Records that ended, or (for one-day records) happened, in the 12 months before T.</summary>
    public IEnumerable<InvolvementRecord> Recent => Records.Where(r => !r.IsOpenAt(AsOf) && r.LastDay >= RecentStart);
}

/// <summary>A family member's role and age at T; never a name.</summary>
/// <param name="Role">Their role in the family at T.</param>
/// <param name="Age">Age in whole years at T, from the month of birth (<see cref="YearMonth.AgeOn"/>: the hub keeps no day).</param>
public sealed record MemberAge(FamilyRole Role, int Age);

/// <summary>One agency record of a member at T, with the worker or team the source names for it.</summary>
/// <param name="Dataset">The dataset's code (see <see cref="DatasetCatalogue"/>).</param>
/// <param name="Start">When the record starts.</param>
/// <param name="End">When it ends; null when it is open or a one-day record.</param>
/// <param name="Contact">The allocated worker or team as the extract holds them; null when the record names none.</param>
public sealed record InvolvementRecord(string Dataset, DateOnly Start, DateOnly? End, WorkerContact? Contact)
{
    /// <summary>The dataset's catalogue entry, or null when the catalogue no longer knows the code.</summary>
    public DatasetDefinition? Definition => DatasetCatalogue.TryGet(Dataset, out var definition) ? definition : null;

    /// <summary>The record's last day: its end, or its start for a one-day record.</summary>
    public DateOnly LastDay => End ?? Start;

    /// <summary>True for a record of a dataset with durations that started before T and has no end before T.</summary>
    public bool IsOpenAt(DateOnly asOf) =>
        Definition?.Layout.EndDateColumn is not null && Start < asOf && (End is null || End >= asOf);
}

/// <summary>How to reach the worker or team allocated to a record, as the source system holds it. Staff data, not the family's.</summary>
/// <param name="Worker">The allocated worker's name.</param>
/// <param name="Role">Their role, e.g. "Family support worker".</param>
/// <param name="Team">The team.</param>
/// <param name="Phone">A phone number.</param>
/// <param name="Email">An email address.</param>
public sealed record WorkerContact(string? Worker, string? Role, string? Team, string? Phone, string? Email)
{
    /// <summary>True when no field holds anything.</summary>
    public bool IsEmpty => new[] { Worker, Role, Team, Phone, Email }.All(string.IsNullOrWhiteSpace);
}
