using System.Globalization;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>
/// The audit entries of a retention deletion: that it happened, to how many records of which dataset; never which
/// records or whose (the log outlives them, and would otherwise keep what retention removed).
/// </summary>
public static class RetentionAudit
{
    /// <summary>The action of a retention deletion.</summary>
    public const string Action = "retention.delete";

    /// <summary>One entry per dataset with records removed.</summary>
    public static IEnumerable<(string Action, string Subject, string Detail)> Entries(IEnumerable<(string Dataset, int Records)> expired) =>
        expired.Where(e => e.Records > 0).Select(e => (Action, $"dataset {e.Dataset}",
            string.Create(CultureInfo.InvariantCulture, $"{e.Records} records past the retention period deleted")));

    /// <summary>What prompt retention removed, in counts: the part of the summary entry about prompts.</summary>
    public static string Prompts(PromptRemoval removal, DateTimeOffset cutoff)
    {
        ArgumentNullException.ThrowIfNull(removal);
        return string.Create(CultureInfo.InvariantCulture,
            $"{removal.Prompts} prompts untouched since {cutoff:yyyy-MM-dd} deleted ({removal.Reviewed} of them reviewed) with {removal.Reviews} reviews, {removal.NextSteps} next steps and {removal.DataQualityQueries} data-quality queries; {removal.Held} held behind a later review{(removal.ComparisonFamilies > 0 ? $"; {removal.ComparisonFamilies} comparison-set rows removed" : "")}");
    }
}
