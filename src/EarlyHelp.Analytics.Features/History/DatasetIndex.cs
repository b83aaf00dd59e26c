using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// Datasets as small integers: the position of each dataset in <see cref="DatasetCatalogue.All"/>,
/// where the source datasets come first and the statutory outcomes last. Events carry this index
/// instead of the code so that building features never hashes a string.
/// </summary>
public static class DatasetIndex
{
    private static readonly Dictionary<string, int> ByCode =
        DatasetCatalogue.All.Select((dataset, index) => (dataset.Code, index)).ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);

    private static readonly bool[] Durations = DatasetCatalogue.All.Select(d => d.Layout.EndDateColumn is not null).ToArray();

    private static readonly int[] Agencies = AgencyNumbers();

    /// <summary>Number of datasets, sources and outcomes.</summary>
    public static int Count { get; } = DatasetCatalogue.All.Count;

    /// <summary>Number of source datasets: indices below it are sources, the rest outcomes.</summary>
    public static int SourceCount { get; } = CheckSourcesFirst();

    /// <summary>Number of distinct agencies holding source datasets.</summary>
    public static int AgencyCount { get; } = DatasetCatalogue.Sources.Select(d => d.Agency).Distinct().Count();

    /// <summary>Index of the early help episode dataset.</summary>
    public static int EarlyHelp { get; } = Of(DatasetCatalogue.EarlyHelpEpisode);

    /// <summary>The index of a dataset code; throws when the code is not in the catalogue.</summary>
    public static int Of(string code) =>
        ByCode.TryGetValue(code, out var index) ? index : throw new KeyNotFoundException($"Unknown dataset code '{code}'.");

    /// <summary>Finds the index of a dataset code; returns false when the code is not in the catalogue.</summary>
    public static bool TryOf(string code, out int index) => ByCode.TryGetValue(code, out index);

    /// <summary>The dataset at an index.</summary>
    public static DatasetDefinition Definition(int index) => DatasetCatalogue.All[index];

    /// <summary>True for the statutory outcomes (CIN plan, CP plan, looked after).</summary>
    public static bool IsOutcome(int index) => index >= SourceCount;

    /// <summary>True when the dataset's records have an end date (a claim, a plan, an episode), false for one-day records.</summary>
    public static bool HasDuration(int index) => Durations[index];

    /// <summary>A number for the agency holding a source dataset, from 0 to <see cref="AgencyCount"/> − 1.</summary>
    public static int Agency(int index) => Agencies[index];

    private static int CheckSourcesFirst()
    {
        var sources = DatasetCatalogue.Sources.Count;
        // Index arithmetic below relies on the catalogue's promise: sources first, then outcomes.
        for (var i = 0; i < DatasetCatalogue.All.Count; i++)
        {
            if ((i < sources) == (DatasetCatalogue.All[i].Kind == DatasetKind.Outcome))
                throw new InvalidOperationException("The dataset catalogue must list every source dataset before the outcomes.");
        }
        return sources;
    }

    private static int[] AgencyNumbers()
    {
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        return DatasetCatalogue.All
            .Select(d => d.Kind == DatasetKind.Outcome ? -1 : NumberOf(d.Agency))
            .ToArray();

        int NumberOf(string agency)
        {
            if (!numbers.TryGetValue(agency, out var number))
                numbers[agency] = number = numbers.Count;
            return number;
        }
    }
}
