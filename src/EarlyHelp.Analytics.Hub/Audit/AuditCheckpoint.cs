using System.Globalization;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// A signed note, kept outside the hub, of how far the audit trail had got: the entry count and the last entry's
/// MAC, the review count and the last review's MAC, and where the keyed chain starts. A hub whose trail was later cut
/// back, emptied or rewritten no longer holds what an earlier checkpoint saw. Each checkpoint also signs the one
/// before it in its file, so a checkpoint removed from the middle of the file shows too.
/// </summary>
/// <param name="At">When it was written (UTC).</param>
/// <param name="Entries">Entries in the log then.</param>
/// <param name="Head">The last entry's hash (the genesis hash when the log was empty).</param>
/// <param name="Reviews">Review records then.</param>
/// <param name="ReviewHead">The last review's MAC (the unkeyed reviews' head when none was keyed yet).</param>
/// <param name="UnkeyedEntries">Entries written before the trail was keyed.</param>
/// <param name="UnkeyedReviews">Reviews written before the trail was keyed.</param>
/// <param name="Previous">The MAC of the checkpoint before it in its file, or the genesis hash for the first.</param>
/// <param name="Mac">HMAC-SHA256 with the audit key over all the fields above (see <see cref="Sign"/>).</param>
public sealed record AuditCheckpoint(
    DateTimeOffset At, long Entries, string Head, long Reviews, string ReviewHead, long UnkeyedEntries, long UnkeyedReviews, string Previous, string Mac)
{
    /// <summary>The environment variable naming the checkpoint file when no <c>--checkpoint</c> is given.</summary>
    public const string EnvironmentVariable = "EARLYHELP_AUDIT_CHECKPOINT_FILE";

    /// <summary>The checkpoint file's default name: the hub's path with this ending.</summary>
    public const string DefaultSuffix = ".checkpoints";

    private static readonly JsonSerializerOptions LineJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The checkpoint file for the hub at <paramref name="hubPath"/>: <paramref name="explicitPath"/>, else <see cref="EnvironmentVariable"/>, else beside the hub.</summary>
    public static string FileFor(string hubPath, string? explicitPath = null) =>
        HubFileAccess.Locate(hubPath, explicitPath, EnvironmentVariable, DefaultSuffix);

    /// <summary>The MAC over a checkpoint's fields: <c>["checkpoint", previous, at, entries, head, reviews, reviewHead, unkeyedEntries, unkeyedReviews]</c>.</summary>
    public static string Sign(AuditKey key, AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(checkpoint);
        return key.Mac("checkpoint", checkpoint.Previous, HubQueries.FormatTime(checkpoint.At), checkpoint.Entries, checkpoint.Head,
            checkpoint.Reviews, checkpoint.ReviewHead, checkpoint.UnkeyedEntries, checkpoint.UnkeyedReviews);
    }

    /// <summary>Appends <paramref name="checkpoint"/> to <paramref name="path"/> as one JSON line, creating the file owner-only when new.</summary>
    public static void Append(string path, AuditCheckpoint checkpoint)
    {
        HubFileAccess.CreateFolder(Path.GetDirectoryName(Path.GetFullPath(path))!);
        HubFileAccess.CreateFileIfMissing(path);
        File.AppendAllText(path, JsonSerializer.Serialize(Line.From(checkpoint), LineJson) + "\n");
    }

    /// <summary>The checkpoints in <paramref name="path"/>, oldest first; none when there is no such file. <see cref="BadInputException"/> for a line that is not a checkpoint.</summary>
    public static IReadOnlyList<AuditCheckpoint> Read(string path)
    {
        if (!File.Exists(path))
            return [];
        var checkpoints = new List<AuditCheckpoint>();
        var number = 0;
        foreach (var text in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                checkpoints.Add((JsonSerializer.Deserialize<Line>(text, LineJson) ?? throw new JsonException("null")).ToCheckpoint());
            }
            catch (Exception e) when (e is JsonException or FormatException or ArgumentNullException)
            {
                throw new BadInputException(path, number, 1, $"not an audit checkpoint: {e.Message}");
            }
        }
        return checkpoints;
    }

    /// <summary>The file form: times as ISO text, so the line reads the same in any tool.</summary>
    private sealed record Line(
        string At, long Entries, string Head, long Reviews, string ReviewHead, long UnkeyedEntries, long UnkeyedReviews, string Previous, string Mac)
    {
        public static Line From(AuditCheckpoint c) =>
            new(HubQueries.FormatTime(c.At), c.Entries, c.Head, c.Reviews, c.ReviewHead, c.UnkeyedEntries, c.UnkeyedReviews, c.Previous, c.Mac);

        public AuditCheckpoint ToCheckpoint() => new(
            DateTimeOffset.Parse(At ?? throw new FormatException("no time"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
            Entries, Head ?? throw new FormatException("no head"), Reviews, ReviewHead ?? throw new FormatException("no review head"),
            UnkeyedEntries, UnkeyedReviews, Previous ?? throw new FormatException("no previous"), Mac ?? throw new FormatException("no MAC"));
    }
}
