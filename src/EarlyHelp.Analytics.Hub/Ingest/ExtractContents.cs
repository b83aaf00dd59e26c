using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>An agency event read and validated, waiting for linkage to say whose it is.</summary>
/// <param name="Record">Its identity record (which will carry the person).</param>
/// <param name="Start">Date it starts.</param>
/// <param name="End">Date it ends, or null.</param>
/// <param name="Value">Numeric value, or null.</param>
internal readonly record struct PendingEvent(IdentityRecord Record, DateOnly Start, DateOnly? End, double? Value);

/// <summary>Everything one extract folder holds, read and validated, before linkage.</summary>
internal sealed class ExtractContents
{
    /// <summary>The council's gazetteer rows.</summary>
    public List<GazetteerEntry> Gazetteer { get; } = [];

    /// <summary>Every identity record read (events and council file person-rows), in file order.</summary>
    public List<IdentityRecord> Records { get; } = [];

    /// <summary>Events per dataset code, in file order.</summary>
    public Dictionary<string, List<PendingEvent>> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>The worker or team each kept record names, per dataset code, for datasets whose extracts carry them.</summary>
    public Dictionary<string, List<RecordContact>> Contacts { get; } = new(StringComparer.Ordinal);
}
