using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Deliveries;
using EarlyHelp.Analytics.Synthetic.Output;

namespace EarlyHelp.Analytics.Synthetic;

/// <summary>
/// Generates the seeded synthetic city: one CSV extract per dataset in each agency's own layout (with
/// the agency's own person references and identity fields as keyed), the council's gazetteer and
/// relationship files and a manifest in the extract folder, and the ground truth (true people,
/// households and families, latent need, the true person behind every record) in a separate folder
/// for evaluation only.
/// </summary>
public static class CityGenerator
{
    /// <summary>The producer named in manifests.</summary>
    public const string Producer = "EarlyHelp.Analytics.Synthetic";

    /// <summary>
    /// Version of the generator: bumped whenever the same seed and options would give different files.
    /// 1.0.0: first release.
    /// 2.0.0: agency-local person references and realistic identity errors; council registers and
    /// relationship files in the extract folder; the master registers only in the truth folder; twins.
    /// </summary>
    public const string GeneratorVersion = "2.0.0";

    /// <summary>Lineages simulated and formatted together as one unit of parallel work.</summary>
    private const int LineagesPerBlock = 256;

    /// <summary>Blocks that may be in flight per thread before the writer catches up (bounds memory).</summary>
    private const int BlocksAheadPerThread = 4;

    /// <summary>
    /// Problems with where the output would go, one message each: the truth folder must not lie inside
    /// the extract folder (nor the other way round), and an existing extract folder may hold nothing
    /// but files the generator writes.
    /// </summary>
    public static IEnumerable<string> CheckDirectories(string extractDirectory, string truthDirectory)
    {
        var extract = Path.TrimEndingDirectorySeparator(Path.GetFullPath(extractDirectory));
        var truth = Path.TrimEndingDirectorySeparator(Path.GetFullPath(truthDirectory));
        if (string.Equals(extract, truth, StringComparison.Ordinal) || IsInside(truth, extract) || IsInside(extract, truth))
            yield return $"The truth folder '{truthDirectory}' must lie outside the extract folder '{extractDirectory}' (and the other way round).";
        if (!Directory.Exists(extract))
            yield break;
        var allowed = OutputFiles.All.Where(f => !f.IsTruth).Select(f => f.Name).Append(ExtractManifest.FileName).Append(ExtractManifest.CatalogueFileName).ToHashSet(StringComparer.Ordinal);
        var stranger = Directory.EnumerateFileSystemEntries(extract).Select(Path.GetFileName).FirstOrDefault(name => !allowed.Contains(name!));
        if (stranger is not null)
            yield return $"The extract folder '{extractDirectory}' holds '{stranger}', which is not an extract; choose an empty or new folder.";
    }

    /// <summary>
    /// <see cref="CheckDirectories(string, string)"/> for the options' deliveries: with several, the extract folder may hold
    /// only their folders (named by date), and each of those only files the generator writes.
    /// </summary>
    public static IEnumerable<string> CheckDirectories(CityOptions options, string extractDirectory, string truthDirectory)
    {
        if (options.Deliveries <= 1)
            return CheckDirectories(extractDirectory, truthDirectory);
        var folders = DeliverySchedule.Dates(options.ExtractDate, options.Deliveries).Select(d => DeliverySchedule.Folder(extractDirectory, d)).ToList();
        var allowed = folders.Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
        var stranger = Directory.Exists(extractDirectory)
            ? Directory.EnumerateFileSystemEntries(extractDirectory).Select(Path.GetFileName).FirstOrDefault(name => !allowed.Contains(name!))
            : null;
        var own = stranger is null ? [] : new[] { $"The extract folder '{extractDirectory}' holds '{stranger}', which is not a delivery of this city; choose an empty or new folder." };
        return own.Concat(folders.SelectMany(folder => CheckDirectories(folder, truthDirectory)).Distinct(StringComparer.Ordinal));
    }

    /// <summary>The default truth folder for an extract folder: a sibling named <c>&lt;name&gt;-truth</c>.</summary>
    public static string DefaultTruthDirectory(string extractDirectory)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(extractDirectory));
        return Path.Combine(Path.GetDirectoryName(full) ?? full, Path.GetFileName(full) + "-truth");
    }

    /// <summary>
    /// Simulates the city described by <paramref name="options"/> and writes it: one extract folder, or with several
    /// deliveries a folder per delivery under <paramref name="extractDirectory"/> (<see cref="DeliverySchedule.Folder"/>).
    /// </summary>
    public static GenerationResult Generate(CityOptions options, string extractDirectory, string truthDirectory,
        IProgress<WorkProgress>? progress = null, CancellationToken cancellation = default)
    {
        var problems = options.Validate().Concat(CheckDirectories(options, extractDirectory, truthDirectory)).ToList();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        if (options.Deliveries <= 1)
            return GenerateWhole(options, extractDirectory, truthDirectory, progress, cancellation);

        // The whole history first, in a working folder, then cut into deliveries.
        var full = Path.Combine(extractDirectory, "full-history");
        var whole = GenerateWhole(options, full, truthDirectory, progress, cancellation);
        var dates = DeliverySchedule.Dates(options.ExtractDate, options.Deliveries);
        var cutter = new DeliveryWriter(options.Seed, dates);
        var deliveries = new List<Delivery>();
        const string stage = "Writing deliveries";
        for (var k = 0; k < dates.Count; k++)
        {
            progress?.Report(new WorkProgress(stage, k, dates.Count));
            cancellation.ThrowIfCancellationRequested();
            var folder = DeliverySchedule.Folder(extractDirectory, dates[k]);
            var manifest = Manifest(options, cutter.WriteDelivery(full, k, folder)) with { ExtractDate = dates[k] };
            File.WriteAllText(Path.Combine(folder, ExtractManifest.FileName), manifest.ToJson());
            File.WriteAllText(Path.Combine(folder, ExtractManifest.CatalogueFileName), DatasetCatalogue.Text);
            deliveries.Add(new Delivery(dates[k], folder, manifest));
        }
        progress?.Report(new WorkProgress(stage, dates.Count, dates.Count));
        var truthManifest = whole.TruthManifest with { Files = [.. whole.TruthManifest.Files, cutter.WriteTruth(full, truthDirectory)] };
        File.WriteAllText(Path.Combine(truthDirectory, ExtractManifest.FileName), truthManifest.ToJson());
        Directory.Delete(full, recursive: true);
        var last = deliveries[^1];
        return new GenerationResult(last.Directory, truthDirectory, last.Manifest, truthManifest) { Deliveries = deliveries };
    }

    private static GenerationResult GenerateWhole(CityOptions options, string extractDirectory, string truthDirectory,
        IProgress<WorkProgress>? progress, CancellationToken cancellation)
    {
        Directory.CreateDirectory(extractDirectory);
        Directory.CreateDirectory(truthDirectory);

        var simulation = new CitySimulation(options);
        var extractDay = options.ExtractDate.DayNumber;
        var formatter = new LineageFormatter(options.Seed, options.Start.FirstDay.DayNumber, extractDay);
        var lineages = simulation.Plans.Count;
        var blocks = (lineages + LineagesPerBlock - 1) / LineagesPerBlock;

        using var writer = new OutputWriter(extractDirectory, truthDirectory);
        var pipeline = new OrderedBlocks<CsvBuffer[]>(blocks, options.Threads, options.Threads * BlocksAheadPerThread, block =>
        {
            var buffers = OutputFiles.All.Select(_ => new CsvBuffer(1 << 14)).ToArray();
            var last = Math.Min(lineages, (block + 1) * LineagesPerBlock);
            for (var number = block * LineagesPerBlock + 1; number <= last; number++)
                formatter.Format(simulation.Run(number), buffers);
            return buffers;
        }, cancellation);

        const string stage = "Simulating households";
        progress?.Report(new WorkProgress(stage, 0, lineages));
        pipeline.Consume((block, buffers) =>
        {
            for (var file = 0; file < buffers.Length; file++)
                writer.Append(file, buffers[file]);
            progress?.Report(new WorkProgress(stage, Math.Min(lineages, (block + 1L) * LineagesPerBlock), lineages));
        });

        var (extractFiles, truthFiles) = writer.Finish();
        var manifest = Manifest(options, extractFiles);
        var truthManifest = Manifest(options, truthFiles);
        File.WriteAllText(Path.Combine(extractDirectory, ExtractManifest.FileName), manifest.ToJson());
        File.WriteAllText(Path.Combine(truthDirectory, ExtractManifest.FileName), truthManifest.ToJson());
        // The catalogue the extracts were written to, so that ingest can tell they match the one it reads them with.
        File.WriteAllText(Path.Combine(extractDirectory, ExtractManifest.CatalogueFileName), DatasetCatalogue.Text);
        return new GenerationResult(extractDirectory, truthDirectory, manifest, truthManifest);
    }

    private static ExtractManifest Manifest(CityOptions options, IReadOnlyList<ManifestFile> files) => new()
    {
        Producer = Producer,
        ProducerVersion = GeneratorVersion,
        ExtractDate = options.ExtractDate,
        Seed = options.Seed,
        Parameters = options.Describe(),
        Files = files,
    };

    private static bool IsInside(string path, string folder) =>
        path.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
