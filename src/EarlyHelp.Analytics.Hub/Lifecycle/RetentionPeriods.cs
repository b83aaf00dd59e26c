using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>
/// How long the hub keeps what is not an agency event. An event's period is its dataset's
/// (<see cref="DatasetDefinition.RetentionMonths"/>, from its start); every period counts back from the newest extract
/// date the hub has loaded, never from the clock, so that a hub left unloaded keeps what it was given.
/// </summary>
public sealed record RetentionPeriods
{
    /// <summary>The periods the hub uses unless told otherwise.</summary>
    public static RetentionPeriods Default { get; } = new();

    /// <summary>
    /// Months a register or relationship record (a census entry, an occupancy, a carer link) is kept after the period it
    /// covers has ended; a record still open is never due. Default 72: six years after the end of involvement, the
    /// common council schedule for case and tenancy records (the IRMS local government retention guidelines).
    /// </summary>
    public int RegisterRecordMonths { get; init; } = 72;

    /// <summary>
    /// Months a prompt is kept, with its reviews, next steps and data-quality queries, after the last thing done with it
    /// (its scoring run, a review, a next step, a query's step), by the clock. Default 72: six years, as the case records
    /// a panel decision sits beside (the IRMS schedule's six years after the end of involvement).
    /// </summary>
    public int PromptMonths { get; init; } = 72;

    /// <summary>
    /// Months an audit entry is kept, by the clock. Default 96: two years longer than a prompt, so that every look at a
    /// family's prompt and every decision about it can be answered for while the prompt exists and two years after. The log
    /// is cut from its front and the cut recorded in it (<see cref="Audit.AuditCut"/>), so the chain still verifies.
    /// </summary>
    public int AuditLogMonths { get; init; } = 96;

    /// <summary>Messages for each option out of range; empty when every option is valid.</summary>
    public IEnumerable<string> Validate()
    {
        foreach (var (name, value) in new[] { (nameof(RegisterRecordMonths), RegisterRecordMonths), (nameof(PromptMonths), PromptMonths), (nameof(AuditLogMonths), AuditLogMonths) })
        {
            if (value < 1)
                yield return string.Create(CultureInfo.InvariantCulture, $"The '{name}' option must be at least 1 month. Got {value} instead.");
        }
        // Every look at a prompt and every decision about it must be answerable for as long as the prompt is kept.
        if (AuditLogMonths < PromptMonths)
            yield return string.Create(CultureInfo.InvariantCulture, $"The 'AuditLogMonths' option must be at least 'PromptMonths' ({PromptMonths}). Got {AuditLogMonths} instead.");
    }

    /// <summary>
    /// Whether <paramref name="record"/> is past its retention period when the newest extract is of <paramref name="newest"/>:
    /// an event whose start is before its dataset's period; a register record whose period ended before
    /// <see cref="RegisterRecordMonths"/>. A record that describes its person (<see cref="DescribesPerson"/>) is never due by
    /// itself, and a dataset the catalogue does not know is never due.
    /// </summary>
    public bool IsExpired(IdentityRecord record, DateOnly newest)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == IdentityRecordKind.Event)
            return DatasetCatalogue.TryGet(record.Dataset, out var dataset) && record.ValidFrom is { } start && start < EventRetentionStart(dataset, newest);
        return RecordEnd(record) is { } end && end < newest.AddMonths(-RegisterRecordMonths);
    }

    /// <summary>The first start date <paramref name="dataset"/> keeps when the newest extract is of <paramref name="newest"/>.</summary>
    public static DateOnly EventRetentionStart(DatasetDefinition dataset, DateOnly newest) => newest.AddMonths(-dataset.RetentionMonths);

    /// <summary>
    /// Whether a register record describes its person rather than covering a period: a census entry, a social care
    /// characteristics record. Such a record has no period of its own to expire; it leaves with its person.
    /// </summary>
    public static bool DescribesPerson(IdentityRecord record) =>
        record.Kind == IdentityRecordKind.Register && LayoutOf(record) is { EndDateColumn: null } layout && layout != CouncilFiles.HealthVisitorBirths;

    // The day a register record stops being current: its end; for a birth notification, the baby's eighteenth birthday,
    // since it is the source of a mother's relationship with her child for the whole of childhood. Null while open, and
    // for a record that describes its person.
    private static DateOnly? RecordEnd(IdentityRecord record)
    {
        if (record.ValidTo is { } end)
            return end;
        var layout = LayoutOf(record);
        return layout == CouncilFiles.HealthVisitorBirths ? record.ValidFrom?.AddYears(18) : null;
    }

    private static CouncilFileLayout? LayoutOf(IdentityRecord record) =>
        CouncilFiles.All.FirstOrDefault(file => CouncilFiles.DatasetName(file) == record.Dataset);
}
