using System.Text.Json;
using EarlyHelp.Analytics.Hub.Statistics;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary>The JSON form of <c>earlyhelp hub stats --json</c>: snake_case, one object.</summary>
internal static class HubStatsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>The statistics as indented JSON with a final newline.</summary>
    public static string Write(HubStatistics statistics) => JsonSerializer.Serialize(new
    {
        statistics.Hub,
        statistics.SchemaVersion,
        ExtractDate = statistics.ExtractDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        Tables = statistics.Counts.Tables.ToDictionary(pair => pair.Key, pair => pair.Value),
        Datasets = statistics.Counts.Datasets.ToDictionary(pair => pair.Key, pair => pair.Value),
        Linkage = statistics.Linkage is not { } linkage ? null : new
        {
            linkage.ModelVersion,
            linkage.Records,
            linkage.People,
            linkage.ComparedPairs,
            linkage.LinkedPairs,
            linkage.ExpectedFalseLinks,
            linkage.ExpectedMissedLinks,
            linkage.ClericalQueue,
            linkage.ClericalDecisions,
        },
        Realism = statistics.Realism is not { } realism ? null : new
        {
            AsOf = realism.AsOf.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            realism.Residents,
            realism.Children,
            realism.ChildrenAged5To15,
            realism.HouseholdsWithWorkingAgeResident,
            Figures = realism.Figures.Select(figure => new
            {
                figure.Target.Name,
                figure.Value,
                figure.Target.Target,
                figure.Target.Low,
                figure.Target.High,
                figure.Target.Tolerance,
                Within = figure.IsWithin,
                figure.Target.Meaning,
                figure.Target.Source,
            }),
        },
    }, Options) + "\n";
}
