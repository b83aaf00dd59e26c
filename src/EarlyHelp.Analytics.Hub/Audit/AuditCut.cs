using System.Globalization;
using System.Text.RegularExpressions;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// Where retention has cut the audit trail: entries 1 to <see cref="Entries"/> and reviews 1 to <see cref="Reviews"/>
/// are gone, and the chains go on from the hash and the chain value they had there. It is written as an entry of the log
/// itself (<see cref="Action"/>), after the removal, so its MAC binds it into the chain that continues: a changed cut
/// entry, or a kept entry changed or removed after it, fails verification like any other.
/// </summary>
/// <param name="Entries">The last entry removed (0: none ever).</param>
/// <param name="EntryHash">That entry's hash, the previous hash of the first entry kept (the genesis hash for none).</param>
/// <param name="ReviewEntries">Of the entries removed, those that recorded a review added or amended.</param>
/// <param name="Reviews">The last review removed (0: none ever).</param>
/// <param name="ReviewHash">The review chain's value at that review (the genesis hash for none).</param>
public sealed partial record AuditCut(long Entries, string EntryHash, long ReviewEntries, long Reviews, string ReviewHash)
{
    /// <summary>The action of the entry that records a cut.</summary>
    public const string Action = "audit.cut";

    /// <summary>The trail as written: nothing removed.</summary>
    public static AuditCut None { get; } = new(0, AuditEntry.GenesisHash, 0, 0, AuditEntry.GenesisHash);

    /// <summary>The id of the entry that records this cut; 0 for <see cref="None"/>.</summary>
    public long RecordedBy { get; init; }

    /// <summary>
    /// The cut entry's detail: what this cut removed (<paramref name="before"/> is the earlier state), in words, then the
    /// state the verifier reads back with <see cref="Parse"/>. Ranges and counts only: never what the entries said.
    /// </summary>
    public string Detail(AuditCut before, DateTimeOffset writtenBefore)
    {
        ArgumentNullException.ThrowIfNull(before);
        var entries = Entries > before.Entries
            ? string.Create(CultureInfo.InvariantCulture, $"entries {before.Entries + 1} to {Entries} ({Entries - before.Entries}, written before {writtenBefore:yyyy-MM-dd})")
            : "no entries";
        var reviews = Reviews > before.Reviews
            ? string.Create(CultureInfo.InvariantCulture, $"reviews {before.Reviews + 1} to {Reviews} ({Reviews - before.Reviews})")
            : "no reviews";
        return string.Create(CultureInfo.InvariantCulture,
            $"{entries} and {reviews} removed by retention; the trail now starts after entry {Entries} (hash {EntryHash}; {ReviewEntries} review entries removed in all) and review {Reviews} (chain value {ReviewHash})");
    }

    /// <summary>The state recorded in a cut entry's <paramref name="detail"/>; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static AuditCut Parse(string detail, long recordedBy)
    {
        var match = StatePattern().Match(detail ?? "");
        if (!match.Success)
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"audit entry {recordedBy} is an {Action} entry whose detail does not say where the trail starts"));
        long Number(int group) => long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);
        return new AuditCut(Number(1), match.Groups[2].Value, Number(3), Number(4), match.Groups[5].Value) { RecordedBy = recordedBy };
    }

    [GeneratedRegex(@"the trail now starts after entry ([0-9]{1,18}) \(hash ([0-9a-f]{64}); ([0-9]{1,18}) review entries removed in all\) and review ([0-9]{1,18}) \(chain value ([0-9a-f]{64})\)\z", RegexOptions.CultureInvariant)]
    private static partial Regex StatePattern();
}
