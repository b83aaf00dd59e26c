using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// An extract folder checked against its manifest before any row is read: every listed file exists,
/// no CSV is unlisted, each file is a known dataset or a register, and files are put in load order
/// (the gazetteer and council files first, then agency extracts). A warehouse export without a manifest is
/// planned from its file names, as the catalogue names them, and its rows and checksums are counted while loading.
/// </summary>
internal sealed class ExtractPlan
{
    private ExtractPlan(string folder, ExtractManifest manifest, ManifestLocations? locations, IReadOnlyList<PlannedFile> files)
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

    /// <summary>Where the manifest's values sit, for messages; null for a folder without a manifest.</summary>
    public ManifestLocations? Locations { get; }

    /// <summary>
    /// Whether a manifest gave each file's rows and SHA-256 to check; false for a folder without one, whose rows and
    /// checksums the load counts and records instead.
    /// </summary>
    public bool Counted => Locations is not null;

    /// <summary>Path of the manifest as shown in messages.</summary>
    public string ManifestPath => Path.Combine(Folder, ExtractManifest.FileName);

    /// <summary>The files in load order.</summary>
    public IReadOnlyList<PlannedFile> Files { get; }

    /// <summary>
    /// Reads and checks the manifest of <paramref name="folder"/> or, where there is none, plans the folder from its file
    /// names with <paramref name="extractDate"/> as the date the files were exported; throws
    /// <see cref="BadInputException"/> on the first fault.
    /// </summary>
    public static ExtractPlan Read(string folder, DateOnly? extractDate = null)
    {
        if (!Directory.Exists(folder))
            throw new BadInputException(folder, "the extract folder does not exist");
        var manifestPath = Path.Combine(folder, ExtractManifest.FileName);
        CheckCatalogue(folder);
        if (!File.Exists(manifestPath))
        {
            return extractDate is { } date
                ? FromFileNames(folder, date)
                : throw new BadInputException(manifestPath,
                    "the extract folder has no manifest: list its files in one, or give the date they were exported (--extract-date) and the hub counts and checksums them itself");
        }
        var manifest = ExtractManifest.Read(manifestPath);
        if (extractDate is { } given && given != manifest.ExtractDate)
            throw new BadInputException(manifestPath, $"the manifest says the extract date is {manifest.ExtractDate:yyyy-MM-dd}, not {given:yyyy-MM-dd}: --extract-date is for a folder without a manifest");
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

        return new ExtractPlan(folder, manifest, locations, InLoadOrder(registers, extracts));
    }

    /// <summary>
    /// A warehouse export: every CSV in the folder must be named as the catalogue names a dataset, or be a council file;
    /// nothing is listed, so nothing can be missing, and the load counts each file's rows and SHA-256 and records them.
    /// </summary>
    private static ExtractPlan FromFileNames(string folder, DateOnly extractDate)
    {
        var registers = new List<PlannedFile>();
        var extracts = new List<PlannedFile>();
        var entries = new List<ManifestFile>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.csv", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            var dataset = DatasetCatalogue.All.FirstOrDefault(d => d.Layout.FileName == name);
            var council = CouncilFiles.All.FirstOrDefault(c => c.FileName == name);
            if (dataset is null && council is null)
                throw new BadInputException(path, "the file is neither a dataset's extract as the catalogue names it nor a council file ('earlyhelp catalogue check' lists the names)");
            var entry = new ManifestFile(name, dataset?.Code, 0, "");
            (dataset is null ? registers : extracts).Add(new PlannedFile(entries.Count, entry, dataset, council));
            entries.Add(entry);
        }
        if (entries.Count == 0)
            throw new BadInputException(folder, "the folder holds no manifest and no CSV file the catalogue names");

        var manifest = new ExtractManifest { Producer = "a folder without a manifest", ProducerVersion = "", ExtractDate = extractDate, Files = entries };
        // Extracts load in the catalogue's order, as 'generate' lists them, so that one folder gives one hub either way.
        var position = DatasetCatalogue.All.Select((dataset, index) => (dataset.Code, index)).ToDictionary(p => p.Code, p => p.index, StringComparer.Ordinal);
        var byCatalogue = extracts.OrderBy(file => position[file.Dataset!.Code]).ToList();
        return new ExtractPlan(folder, manifest, null, InLoadOrder(registers, byCatalogue));
    }

    private static PlannedFile[] InLoadOrder(List<PlannedFile> registers, List<PlannedFile> extracts) =>
        registers.OrderBy(file => CouncilFiles.All.ToList().IndexOf(file.Council!)).Concat(extracts).ToArray();

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
