using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Identity;

/// <summary>
/// Links every identity record a hub holds into people at a load: returns an entity per record (in the order given)
/// and sets each record's match probability. The hub's own is the model's (<see cref="RecordLinkers.Model"/>); a
/// synthetic city's truth can stand in for it for evaluation (<see cref="TruthLinkage"/>).
/// </summary>
public delegate PersonLinkageResult RecordLinker(IReadOnlyList<IdentityRecord> records, IReadOnlyList<StoredDecision> decisions, IProgress<WorkProgress>? progress);

/// <summary>The record linkers a load can use.</summary>
public static class RecordLinkers
{
    /// <summary>The Fellegi–Sunter model with <paramref name="settings"/> (<see cref="PersonLinkage.Link"/>).</summary>
    public static RecordLinker Model(LinkageSettings settings) =>
        (records, decisions, progress) => PersonLinkage.Link(records, decisions, settings, progress);
}
