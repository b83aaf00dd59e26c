using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// An extract folder checked against its manifest before any row is read: every listed file exists,
/// no CSV is unlisted, each file is a known dataset or a register, and files are put in load order
/// (the gazetteer and council files first, then agency extracts).
/// </summary>
internal sealed class ExtractPlan
{
    private ExtractPlan(string folder, ExtractManifest manifest, ManifestLocations locations, IReadOnlyList<PlannedFile> files)
    {
        Folder = folder;
        Manifest = manifest;
        Locations = locations;
        Files = files;
    }

    /// <summary>The extract folder, as given.</summary>
    public string Folder { get; }

    /// <summary>The manifest.</summary>
    public ExtractManifest Manifest { get; }

    /// <summary>Where the manifest's values sit, for messages.</summary>
    public ManifestLocations Locations { get; }

    /// <summary>Path of the manifest as shown in messages.</summary>
    public string ManifestPath => Path.Combine(Folder, ExtractManifest.FileName);

    /// <summary>The files in load order.</summary>
    public IReadOnlyList<PlannedFile> Files { get; }

    /// <summary>Reads and checks the manifest of <paramref name="folder"/>; throws <see cref="BadInputException"/> on the first fault.</summary>
    public static ExtractPlan Read(string folder)
    {
        if (!Directory.Exists(folder))
            throw new BadInputException(folder, "the extract folder does not exist");
        var manifestPath = Path.Combine(folder, ExtractManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new BadInputException(manifestPath, "the extract folder has no manifest");
        CheckCatalogue(folder);
        var manifest = ExtractManifest.Read(manifestPath);
        var locations = ManifestLocations.Read(manifestPath);
        if (manifest.Files is null || manifest.Files.Any(file => file is null))
            throw new BadInputException(manifestPath, "the manifest's 'files' must be a list of files");

        var registers = new List<PlannedFile>();
        var extracts = new List<PlannedFile>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; index < manifest.Files.Count; index++)
        {
            var entry = manifest.Files[index];
            BadInputException Fault(string property, string reason)
            {
                var (line, column) = locations.Of(index, property);
                return new BadInputException(manifestPath, line, column, reason);
            }

            if (string.IsNullOrWhiteSpace(entry.Path) || Path.IsPathRooted(entry.Path) || entry.Path.Split('/', '\\').Contains(".."))
                throw Fault("path", $"'{entry.Path}' is not a file name inside the extract folder");
            if (!listed.Add(entry.Path))
                throw Fault("path", $"'{entry.Path}' is listed twice");
            if (entry.Rows < 0)
                throw Fault("rows", $"'{entry.Path}' has a negative row count");
            if (!File.Exists(Path.Combine(folder, entry.Path)))
                throw Fault("path", $"'{entry.Path}' is listed but not in the folder");

            if (entry.Dataset is { } code)
            {
                if (!DatasetCatalogue.TryGet(code, out var dataset))
                    throw Fault("dataset", $"'{entry.Path}' has dataset '{code}', which is not in the dataset catalogue");
                extracts.Add(new PlannedFile(index, entry, dataset, null));
            }
            else
            {
                var register = CouncilFiles.All.FirstOrDefault(r => r.FileName == entry.Path)
                    ?? throw Fault("path", $"'{entry.Path}' has no dataset and is not a council file ({string.Join(", ", CouncilFiles.All.Select(r => r.FileName))})");
                registers.Add(new PlannedFile(index, entry, null, register));
            }
        }

        var unlisted = Directory.EnumerateFiles(folder, "*.csv", SearchOption.TopDirectoryOnly)
            .Select(Path.GetFileName).Where(name => !listed.Contains(name!)).Order(StringComparer.Ordinal).FirstOrDefault();
        if (unlisted is not null)
            throw new BadInputException(Path.Combine(folder, unlisted), $"the file is not listed in {ExtractManifest.FileName}");

        var ordered = registers.OrderBy(file => CouncilFiles.All.ToList().IndexOf(file.Council!)).Concat(extracts).ToArray();
        return new ExtractPlan(folder, manifest, locations, ordered);
    }

    /// <summary>
    /// A folder that says which catalogue its extracts were written to must name the one in use: read with another,
    /// a renamed column or a dataset the hub does not know would fail part-way or load under the wrong rules.
    /// </summary>
    private static void CheckCatalogue(string folder)
    {
        var path = Path.Combine(folder, ExtractManifest.CatalogueFileName);
        if (File.Exists(path) && DatasetCatalogue.FingerprintOf(File.ReadAllText(path)) != DatasetCatalogue.Fingerprint)
        {
            throw new BadInputException(path,
                $"the extracts were written to this catalogue, not to the one in use ({DatasetCatalogue.Source}); " +
                $"set {DatasetCatalogue.FileVariable} to this file (check it first with 'earlyhelp catalogue check')");
        }
    }
}

/// <summary>One file of a plan: its manifest entry and what it loads.</summary>
/// <param name="ManifestIndex">Its position in the manifest's <c>files</c>.</param>
/// <param name="Entry">Its manifest entry.</param>
/// <param name="Dataset">The dataset of an agency extract; null for a register.</param>
/// <param name="Council">The layout of a council file (gazetteer, register, relationships); null for an agency extract.</param>
internal sealed record PlannedFile(int ManifestIndex, ManifestFile Entry, DatasetDefinition? Dataset, CouncilFileLayout? Council);
