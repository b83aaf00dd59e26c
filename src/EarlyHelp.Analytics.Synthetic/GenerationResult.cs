using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic;

/// <summary>What a run of <see cref="CityGenerator"/> wrote.</summary>
/// <param name="ExtractDirectory">The extract folder: manifest, registers and one extract per dataset.</param>
/// <param name="TruthDirectory">The ground-truth folder, for evaluation only.</param>
/// <param name="Manifest">The extract folder's manifest.</param>
/// <param name="TruthManifest">The truth folder's manifest (same form, files of the truth folder).</param>
public sealed record GenerationResult(string ExtractDirectory, string TruthDirectory, ExtractManifest Manifest, ExtractManifest TruthManifest)
{
    /// <summary>The monthly deliveries, oldest first, when there are several; empty for a single extract. The last is <see cref="ExtractDirectory"/>.</summary>
    public IReadOnlyList<Delivery> Deliveries { get; init; } = [];

    /// <summary>Rows in the agency extracts (all datasets, outcomes included).</summary>
    public long EventRows => Manifest.Files.Where(f => f.Dataset is not null).Sum(f => f.Rows);

    /// <summary>Rows in the council files (gazetteer, school census, relationship files).</summary>
    public long RegisterRows => Manifest.Files.Where(f => f.Dataset is null).Sum(f => f.Rows);

    /// <summary>Rows in <paramref name="fileName"/> of the extract folder.</summary>
    public long RowsOf(string fileName) => Manifest.Files.Single(f => f.Path == fileName).Rows;

    /// <summary>Rows in <paramref name="fileName"/> of the truth folder (e.g. the true people, households, families).</summary>
    public long TruthRowsOf(string fileName) => TruthManifest.Files.Single(f => f.Path == fileName).Rows;
}

/// <summary>One monthly delivery: an extract folder of its own.</summary>
/// <param name="ExtractDate">Its extract date.</param>
/// <param name="Directory">Its folder.</param>
/// <param name="Manifest">Its manifest.</param>
public sealed record Delivery(DateOnly ExtractDate, string Directory, ExtractManifest Manifest);
