using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Synthetic.Tests.Deliveries;

/// <summary>
/// On a generated city delivered monthly, records entered late reach no feature before the load that brought them: a hub
/// loaded with every delivery gives, as of the first delivery, the same feature table as a hub loaded with the first alone.
/// </summary>
public sealed class LateRecordLeakTests : IDisposable
{
    private readonly string folder = GeneratedCities.NewFolder("leak");
    private readonly IHubStore everyDelivery;
    private readonly IHubStore firstDelivery;

    public LateRecordLeakTests()
    {
        var city = CityDeliveries.City;
        everyDelivery = HubStore.Open(Path.Combine(folder, "every.db"));
        foreach (var delivery in city.Deliveries)
            ExtractIngest.Run(everyDelivery, delivery.Directory, "delivery tests");
        firstDelivery = HubStore.Open(Path.Combine(folder, "first.db"));
        ExtractIngest.Run(firstDelivery, city.Deliveries[0].Directory, "delivery tests");
    }

    [Fact]
    public void FeatureTable_AsOfTheFirstDelivery_SameFromEveryDeliveryAsFromTheFirstAlone_ButForAFewRegroupedFamilies()
    {
        var asOf = CityDeliveries.City.Deliveries[0].ExtractDate.AddDays(1);

        var every = Table(everyDelivery, asOf);
        var first = Table(firstDelivery, asOf);
        var everyWithoutLoadDates = FeatureTableBuilder.Build(HubHistory.Read(new WithoutLoadDates(everyDelivery.OpenReader()), everyDelivery.Name),
            new FeatureTableOptions { AsOfDates = [asOf] });

        Assert.True(first.RowCount > 100, $"{first.RowCount} families");
        // Each load derives families afresh and numbers them in order, so a later load's new families shift the
        // numbers: the tables are compared row for row as sets of values, not by family number. Labels look 12 months
        // ahead, past what the first delivery can hold, so they are not compared. Each load also links every record
        // again, so a later delivery can regroup a family at an earlier date (docs/validation.md); those few rows
        // differ (6 of 595 here), and no more than 2% of the families may. Read without load dates, 57 differ: the bound can fail.
        var (regrouped, leaked) = (Differing(first, every), Differing(first, everyWithoutLoadDates));
        Assert.True(regrouped <= first.RowCount / 50, $"{regrouped} of {first.RowCount} rows differ");
        Assert.True(leaked > first.RowCount / 50, $"{leaked} of {first.RowCount} rows differ without load dates");
    }

    [Fact]
    public void Events_KnownTheDayAfterTheFirstDelivery_SameFromEveryDeliveryAsFromTheFirstAlone()
    {
        // What the feature builder may read at T (AsOfDate's rule): records that start before T and, when a later load
        // brought them, were loaded before T; an end counts only when before T. Compared without the hub's person ids.
        var asOf = CityDeliveries.City.Deliveries[0].ExtractDate.AddDays(1);

        var every = KnownAt(everyDelivery.OpenReader().Events(), asOf);
        var first = KnownAt(firstDelivery.OpenReader().Events(), asOf);
        var everyWithoutLoadDates = KnownAt(everyDelivery.OpenReader().Events().Select(e => e with { LoadedOn = null }), asOf);

        Assert.True(first.Count > 1_000, $"{first.Count} events");
        Assert.Equal(first, every);
        // Read as if back-filled, the later deliveries' late records would be known at T: the comparison can fail.
        Assert.True(everyWithoutLoadDates.Count > every.Count, $"{everyWithoutLoadDates.Count} vs {every.Count}");
    }

    [Fact]
    public void LoadedOn_EventsEnteredAfterTheDeliveryOfTheirMonth_MatchTheGeneratorsTruth()
    {
        var city = CityDeliveries.City;
        var dates = city.Deliveries.Select(d => d.ExtractDate).ToArray();
        // Late: held first by a delivery after the first one dated on or after the record's start (the first delivery
        // is the back-fill, whose records are known from their own dates).
        var truthLate = DeliveryGenerationTests.Truth(city).Values.Count(r =>
            r.FirstDelivery is { } first && first > dates[0] && first > dates.First(d => d >= r.Start));
        var events = everyDelivery.OpenReader().Events().ToList();
        var hubLate = events.Count(e => e.LoadedOn is { } loaded && e.Start <= dates[Array.IndexOf(dates, loaded) - 1]);

        Assert.True(truthLate > 20, $"{truthLate} late records");
        Assert.Equal(truthLate, hubLate);
        Assert.Equal(DeliveryGenerationTests.Truth(city).Values.Count(r => r.FirstDelivery is { } first && first > dates[0]),
            events.Count(e => e.LoadedOn is not null));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        everyDelivery.Dispose();
        firstDelivery.Dispose();
    }

    private static List<string> KnownAt(IEnumerable<AgencyEvent> events, DateOnly asOf) =>
        events.Where(e => e.Start < asOf && (e.LoadedOn is null || e.LoadedOn < asOf))
            .Select(e => FormattableString.Invariant($"{e.Dataset} {e.Start:yyyy-MM-dd} {(e.End is { } end && end < asOf ? end.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "open")} {e.Value}"))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The table's feature rows, each written as text, in order: the table up to the numbering of its families.</summary>
    private static List<string> Rows(FeatureTable table)
    {
        var values = table.ToRowMajor();
        return Enumerable.Range(0, table.RowCount)
            .Select(row => string.Join(",", values.Skip(row * table.FeatureCount).Take(table.FeatureCount).Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))))
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Rows of <paramref name="a"/> with no equal row in <paramref name="b"/>, counted with repeats (a multiset difference).</summary>
    private static int Differing(FeatureTable a, FeatureTable b)
    {
        var unmatched = Rows(b).GroupBy(row => row, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var differing = 0;
        foreach (var row in Rows(a))
        {
            if (unmatched.GetValueOrDefault(row) > 0)
                unmatched[row]--;
            else
                differing++;
        }
        return differing;
    }

    private static FeatureTable Table(IHubStore store, DateOnly asOf) =>
        FeatureTableBuilder.Build(HubHistory.Read(store.OpenReader(), store.Name), new FeatureTableOptions { AsOfDates = [asOf] });

    /// <summary>A hub's tables with every event's load date dropped, as if each had been in the dataset's first load.</summary>
    private sealed class WithoutLoadDates(IHubReader inner) : IHubReader
    {
        public DateOnly ExtractDate => inner.ExtractDate;

        public IEnumerable<Household> Households() => inner.Households();

        public IEnumerable<Person> People() => inner.People();

        public IEnumerable<Residence> Residences() => inner.Residences();

        public IEnumerable<FamilyMembership> FamilyMemberships() => inner.FamilyMemberships();

        public IEnumerable<AgencyEvent> Events() => inner.Events().Select(e => e with { LoadedOn = null });

        public IEnumerable<OptOut> OptOuts() => inner.OptOuts();
    }
}
