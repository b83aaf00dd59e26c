using EarlyHelp.Analytics.Synthetic.Needs;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Recording;

namespace EarlyHelp.Analytics.Synthetic;

/// <summary>
/// The simulation of one city: its areas, its starting households, and the month-by-month run of
/// each lineage (demography, then latent need, then what agencies record). A lineage's months run
/// in calendar order and each month draws only from that month's state, so a longer run repeats a
/// shorter one's months exactly before going on.
/// </summary>
internal sealed class CitySimulation
{
    private readonly CityOptions options;
    private readonly Demography demography;
    private readonly AgencyRecorder recorder;

    /// <summary>Lays out the city and its starting households for <paramref name="options"/>.</summary>
    public CitySimulation(CityOptions options)
    {
        this.options = options;
        Layout = CityLayout.Build(options.People, options.Seed);
        Plans = StartingHouseholds.Draw(Layout, options.People, options.Seed, options.Start.Ordinal - options.WarmUpMonths, options.Start.Ordinal + options.Months - 1);
        demography = new Demography(Layout);
        recorder = new AgencyRecorder(options.RecordingBias);
        FirstMonth = options.Start.Ordinal - options.WarmUpMonths;
        HistoryStartMonth = options.Start.Ordinal;
        LastMonth = options.Start.Ordinal + options.Months - 1;
    }

    /// <summary>The city's areas.</summary>
    public CityLayout Layout { get; }

    /// <summary>The founding household of each lineage; lineage <c>n</c> has plan <c>n − 1</c>.</summary>
    public IReadOnlyList<HouseholdPlan> Plans { get; }

    /// <summary>First simulated month (ordinal), at the start of the warm-up.</summary>
    public int FirstMonth { get; }

    /// <summary>First month of written history (ordinal).</summary>
    public int HistoryStartMonth { get; }

    /// <summary>Last month (ordinal): the extract date is its last day.</summary>
    public int LastMonth { get; }

    /// <summary>Simulates lineage <paramref name="number"/> (from 1) over every month.</summary>
    public Lineage Run(int number)
    {
        var lineage = new Lineage(number, options.Seed);
        var plan = Plans[number - 1];
        HouseholdFounder.Found(lineage, plan, Layout);
        for (var month = plan.Month; month <= LastMonth; month++)
        {
            demography.Step(lineage, month);
            NeedModel.Step(lineage, month);
            if (month >= HistoryStartMonth)
                RecordTrueNeed(lineage, month);
            recorder.Step(lineage, month);
        }
        return lineage;
    }

    private static void RecordTrueNeed(Lineage lineage, int month)
    {
        foreach (var family in lineage.Families)
        {
            if (!family.Ended && NeedModel.FamilyNeed(family, month, out var levels))
                lineage.Needs.Add(new NeedRow(family.Index, month, levels));
        }
    }
}
