using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Prompts;

namespace EarlyHelp.Analytics.Web.Pages.Panel;

/// <summary>One agency record open at T or ended in the 12 months before it, with who to contact.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Involvement">What the record is, as the catalogue names it.</param>
/// <param name="When">"Open since 20 Nov 2023", "Ended 15 Dec 2023" or "Recorded 14 Jan 2024".</param>
/// <param name="Open">True when open at T.</param>
/// <param name="Contact">The worker or team the record names, or null.</param>
/// <param name="NoContact">Why there is no contact: the source names none for this record, or never holds one.</param>
public sealed record AgencyRow(string Agency, string Involvement, string When, bool Open, WorkerContact? Contact, string? NoContact);

/// <summary>A source with no record of the family open at T or in the 12 months before it.</summary>
/// <param name="Agency">The agency.</param>
/// <param name="Source">The dataset's name.</param>
/// <param name="Covered">True when at least one member is of an age the source covers: then "no record" means something.</param>
/// <param name="Coverage">The catalogue's statement of who the source covers.</param>
public sealed record SourceAbsence(string Agency, string Source, bool Covered, string Coverage);

/// <summary>The agencies involved with a family, now and recently, and the sources with nothing, from its <see cref="PromptContext"/>.</summary>
public static class AgencyRows
{
    /// <summary>Said when a record's source holds worker contacts but this record names none.</summary>
    public const string NoneRecorded = "No worker or team recorded";

    /// <summary>Said when a source's extracts never name a worker.</summary>
    public const string NotHeld = "This source does not name a worker";

    /// <summary>The records open at T, newest first, then those ended or dated in the 12 months before T, most recent first.</summary>
    public static IReadOnlyList<AgencyRow> Involved(PromptContext context) =>
        [
            .. context.OpenNow.OrderByDescending(r => r.Start).Select(r => Row(r, $"Open since {Display.Date(r.Start)}", open: true)),
            .. context.Recent.OrderByDescending(r => r.LastDay)
                .Select(r => Row(r, r.End is { } end ? $"Ended {Display.Date(end)}" : $"Recorded {Display.Date(r.Start)}", open: false)),
        ];

    /// <summary>Every catalogue dataset with no record open at T or in the 12 months before it, by agency.</summary>
    public static IReadOnlyList<SourceAbsence> Absent(PromptContext context)
    {
        var involved = context.OpenNow.Concat(context.Recent).Select(r => r.Dataset).ToHashSet(StringComparer.Ordinal);
        return DatasetCatalogue.All.Where(d => !involved.Contains(d.Code))
            .Select(d => new SourceAbsence(d.Agency, d.Name, context.Members.Any(m => d.Coverage.Covers(m.Age)), d.Coverage.Statement))
            .OrderBy(a => a.Agency, StringComparer.Ordinal).ThenBy(a => a.Source, StringComparer.Ordinal)
            .ToArray();
    }

    private static AgencyRow Row(InvolvementRecord record, string when, bool open)
    {
        var definition = record.Definition;
        var noContact = record.Contact is not null ? null : definition?.Layout.Contact is null ? NotHeld : NoneRecorded;
        return new AgencyRow(definition?.Agency ?? record.Dataset, definition?.Name ?? record.Dataset, when, open, record.Contact, noContact);
    }
}
