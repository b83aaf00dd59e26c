using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>Writes an in-memory hub into a SQLite hub file through the hub's own load, for end-to-end tests.</summary>
internal static class SqliteCopy
{
    public static void Write(InMemoryHub source, string path)
    {
        using var store = HubStore.Open(path);
        using (var load = store.BeginLoad())
        {
            load.AddHouseholds(source.Households().ToArray());
            load.AddPeople(source.People().ToArray());
            load.AddResidences(source.Residences().ToArray());
            load.AddFamilies(source.FamilyMemberships().Select(m => m.Family).Distinct().ToArray());
            load.AddFamilyMemberships(source.FamilyMemberships().ToArray());
            foreach (var dataset in source.Events().GroupBy(e => e.Dataset))
                load.AddEvents(dataset.Key, dataset.Select(e => new SourceEvent(e.Person, e.Start, e.End, e.Value, $"R{e.EventId}")).ToArray());
            var now = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);
            load.Commit(new IngestReport("memory", source.ExtractDate, "EarlyHelp.Analytics.Features.Tests", "1", now, now, []), "tests");
        }
        foreach (var entry in source.OptOuts())
            store.OptOuts.Add(entry.Person, entry.Reason, "tests");
    }
}
