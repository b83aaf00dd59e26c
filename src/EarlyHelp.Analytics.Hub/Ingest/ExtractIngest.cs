using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Lifecycle;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Loads an extract folder (agency CSVs, the council's gazetteer, register and relationship files, and
/// <c>manifest.json</c>) into a hub, in one transaction, linking records to people as it loads. Every row is
/// validated; the first fault stops the run with <c>file:line:column: reason</c> and the hub is left exactly as
/// it was. Each dataset's records are applied as its catalogue entry says (<see cref="ExtractRefresh"/>): amended records
/// are updated, and a full refresh deletes what it no longer holds; records past retention leave in the same
/// transaction, by the hub's periods (<see cref="RetentionSettings"/>); prompts and audit entries past theirs leave after it. Loading the same folder again changes nothing; an older extract after a newer one changes nothing.
/// </summary>
public static class ExtractIngest
{
    /// <summary>
    /// Loads <paramref name="folder"/> into <paramref name="store"/> on behalf of <paramref name="actor"/>
    /// (recorded in the audit log) and returns what it did. Throws <see cref="BadInputException"/> on the
    /// first fault, having changed nothing. Records are linked by <paramref name="linker"/>, or by the model with
    /// <paramref name="settings"/> (default <see cref="PersonLinkage.DefaultSettings"/>) when none is given. A folder
    /// without a manifest needs <paramref name="extractDate"/>, the date its files were exported.
    /// </summary>
    public static IngestReport Run(IHubStore store, string folder, string actor, IProgress<WorkProgress>? progress = null,
        TimeProvider? clock = null, LinkageSettings? settings = null, RecordLinker? linker = null, RetentionPeriods? retention = null,
        DateOnly? extractDate = null)
    {
        clock ??= TimeProvider.System;
        retention ??= store.Retention.Read();
        var startedAt = clock.GetUtcNow();
        var plan = ExtractPlan.Read(folder, extractDate);
        // Retention counts back from the newest extract the hub has seen, so that an older extract brings nothing back.
        var newest = new[] { plan.Manifest.ExtractDate, store.ExtractDate ?? DateOnly.MinValue }.Max();
        var contents = new ExtractContents();
        // One text pool for every file (agencies repeat each other's names and addresses), dropped once all are read.
        var text = new HashSet<string>(StringComparer.Ordinal);
        var read = plan.Files.Select(file => ReadFile(plan, file, newest, contents, text, progress)).ToArray();
        text = null;

        var state = store.ReadIdentityState();
        var datasets = plan.Files.Where(file => file.Council != CouncilFiles.Gazetteer)
            .Select(file => ExtractedDataset.Of(NameOf(file), file.Dataset?.Refresh ?? file.Council!.Refresh, plan.Manifest.ExtractDate, state.NewestExtractOf))
            .ToDictionary(dataset => dataset.Name, StringComparer.Ordinal);
        var storedValues = plan.Files.Where(file => file.Dataset is { Layout.ValueColumn: not null } && datasets[NameOf(file)].Applied)
            .SelectMany(file => store.EventValues(file.Dataset!.Code).Select(pair => KeyValuePair.Create((file.Dataset.Code, pair.Key), pair.Value)))
            .ToDictionary();
        var application = new ExtractApplication(datasets, newest, retention, storedValues);
        var linked = HubLinking.Link(state, contents, application, linker ?? RecordLinkers.Model(settings ?? PersonLinkage.DefaultSettings), progress);
        var changes = linked.Changes;

        StageMemory.Release();
        using var load = store.BeginLoad();
        progress?.Report(new WorkProgress("Writing the hub", 0, 1));
        load.RemoveRecords(changes.Removed.ToArray());
        load.ForgetClericalPairs(changes.Expired);
        load.AmendRecords(changes.Amended);
        var newByFile = linked.NewRecords.ToLookup(record => record.Dataset);
        var files = new List<IngestedFile>();
        foreach (var (file, sha256, rows, dropped) in read)
        {
            var name = file.Council == CouncilFiles.Gazetteer ? null : NameOf(file);
            var notApplied = name is null ? null : datasets[name].NotAppliedReason;
            var expired = name is null ? 0 : changes.ExpiredOnArrival.GetValueOrDefault(name);
            var amended = name is null ? 0 : changes.AmendedIn(name);
            LoadCounts counts;
            string table;
            if (file.Dataset is { } dataset)
            {
                table = "event";
                var events = notApplied is null ? contents.Events.GetValueOrDefault(dataset.Code) ?? [] : [];
                var added = load.AddEvents(dataset.Code, events
                    .Where(e => linked.Canonical.ContainsKey(e.Record.Key))
                    .Select(e => new SourceEvent(new PersonId(linked.Canonical[e.Record.Key].PersonId), e.Start, e.End, e.Value, e.Record.RecordRef))
                    .ToArray());
                counts = new LoadCounts(added.Added, amended, added.Total - added.Added - amended);
                load.AddIdentityRecords(newByFile[dataset.Code].ToArray());
                if (notApplied is null && dataset.Layout.Contact is not null)
                    load.ReplaceContacts(dataset.Code, contents.Contacts.GetValueOrDefault(dataset.Code) ?? []);
            }
            else if (file.Council == CouncilFiles.Gazetteer)
            {
                table = "gazetteer";
                counts = load.AddGazetteer(linked.NewGazetteer) with { AlreadyPresent = rows - linked.NewGazetteer.Count };
            }
            else
            {
                table = "identity_record";
                var added = load.AddIdentityRecords(newByFile[name!].ToArray());
                var given = notApplied is null ? rows * file.Council!.People.Count - expired : 0;
                counts = new LoadCounts(added.Added, amended, given - added.Added - amended);
            }
            files.Add(new IngestedFile(file.Entry.Path, file.Dataset?.Code, table, sha256, rows, counts, dropped + expired)
            {
                Deleted = name is null ? 0 : changes.DeletedIn(name),
                NotApplied = notApplied,
            });
        }
        load.UpdateLinks(linked.Changed);
        var derived = load.ReplaceDerived(linked.Derived);
        load.RecordLinkage(linked.Recording, startedAt);

        var manifest = plan.Manifest;
        var report = new IngestReport(folder, manifest.ExtractDate, manifest.Producer, manifest.ProducerVersion, startedAt, clock.GetUtcNow(), files)
        {
            Derived = derived,
            Linkage = linked.Summary,
            Expired = changes.ExpiredByDataset(),
        };
        progress?.Report(new WorkProgress("Committing", 0, 1));
        load.Commit(report, actor);
        progress?.Report(new WorkProgress("Committing", 1, 1));
        // Prompts and the audit log by the same periods, once the load stands: cutting the trail verifies it first, and a
        // trail that does not verify must not make a good extract fail to load.
        var own = HubRetention.ApplyAfterLoad(store, actor, retention, clock);
        return report with { AfterLoad = own, AfterLoadSkipped = own is null };
    }

    // The hub's name of a file's dataset: an event extract's code, or a council file's name without '.csv'.
    private static string NameOf(PlannedFile file) => file.Dataset?.Code ?? CouncilFiles.DatasetName(file.Council!);

    private static (PlannedFile File, string Sha256, long Rows, long Dropped) ReadFile(
        ExtractPlan plan, PlannedFile file, DateOnly newest, ExtractContents contents, HashSet<string> text, IProgress<WorkProgress>? progress)
    {
        using var csv = ExtractCsv.Open(Path.Combine(plan.Folder, file.Entry.Path), text);
        var stage = $"Loading {file.Entry.Path}";
        // Without a manifest the number of rows is known only once they are read (0 stands for unknown).
        var expected = plan.Counted ? file.Entry.Rows : 0;
        progress?.Report(new WorkProgress(stage, 0, expected));
        void RowsRead(long rows) => progress?.Report(new WorkProgress(stage, plan.Counted ? Math.Min(rows, expected) : rows, expected));
        long dropped = 0;
        if (file.Dataset is { } dataset)
            dropped = new AgencyEventReader(csv, dataset, plan.Manifest.ExtractDate, newest).ReadAll(contents, RowsRead);
        else if (file.Council == CouncilFiles.Gazetteer)
            GazetteerReader.ReadAll(csv, contents);
        else
            new CouncilFileReader(csv, file.Council!, plan.Manifest.ExtractDate).ReadAll(contents, RowsRead);

        var sha256 = csv.FinishHash();
        progress?.Report(new WorkProgress(stage, csv.Rows, csv.Rows));
        if (!plan.Counted)
            return (file, sha256, csv.Rows, dropped);
        if (csv.Rows != file.Entry.Rows)
            throw ManifestFault(plan, file, "rows", string.Create(CultureInfo.InvariantCulture,
                $"'{file.Entry.Path}' has {csv.Rows} rows but the manifest says {file.Entry.Rows}"));
        if (!string.Equals(sha256, file.Entry.Sha256, StringComparison.OrdinalIgnoreCase))
            throw ManifestFault(plan, file, "sha256", $"'{file.Entry.Path}' has SHA-256 {sha256} but the manifest says {file.Entry.Sha256}");
        return (file, sha256, csv.Rows, dropped);
    }

    private static BadInputException ManifestFault(ExtractPlan plan, PlannedFile file, string property, string reason)
    {
        var (line, column) = plan.Locations!.Of(file.ManifestIndex, property);
        return new BadInputException(plan.ManifestPath, line, column, reason);
    }
}
