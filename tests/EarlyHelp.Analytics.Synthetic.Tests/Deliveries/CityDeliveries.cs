namespace EarlyHelp.Analytics.Synthetic.Tests.Deliveries;

/// <summary>The cities the delivery tests share.</summary>
internal static class CityDeliveries
{
    /// <summary>
    /// A small city of 24 months to 2022-12-31 in three monthly deliveries, without warm-up months: no record starts
    /// before 2021-01, and the history is shorter than the shortest retention (36 months), so no load expires anything
    /// and the hubs differ only by what was delivered. (With warm-up, a benefit claim open since 2018 expires at the
    /// third delivery's load and not at the first's: retention, which training's look-back caps handle, not lateness.)
    /// </summary>
    public static readonly CityOptions Options = new() { People = 5_000, Months = 24, WarmUpMonths = 0, Seed = 23, Deliveries = 3 };

    /// <summary>The city generated once for the run.</summary>
    public static GenerationResult City => GeneratedCities.Get("deliveries", Options);

    /// <summary>The same city as one extract folder.</summary>
    public static GenerationResult Whole => GeneratedCities.Get("deliveries-whole", Options with { Deliveries = 1 });
}
