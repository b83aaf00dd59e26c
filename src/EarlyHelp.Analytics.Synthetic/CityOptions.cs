using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic;

/// <summary>Options of <see cref="CityGenerator"/>. Each default is documented; <see cref="Validate"/> checks them all in one place.</summary>
public sealed record CityOptions
{
    /// <summary>People in the city when the simulation starts. Default 20,000 (a small demo city); 1,000 to 5,000,000.</summary>
    public int People { get; init; } = 20_000;

    /// <summary>Master seed: the same seed and options give byte-identical files. Default 1.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Months of history written to the extracts. Default 48; 1 to 240.</summary>
    public int Months { get; init; } = 48;

    /// <summary>First month of history. Default 2021-01. The extract date is the last day of month <c>Start + Months − 1</c>.</summary>
    public YearMonth Start { get; init; } = new(2021, 1);

    /// <summary>
    /// Months simulated before <see cref="Start"/> and not written, except for what is still open at
    /// the start (a child already in care, a claim already running), so that the stocks of
    /// statutory care and long spells have built up (the stock of looked-after children takes about
    /// seven years to settle from an empty start). Default 60; 0 to 240.
    /// </summary>
    public int WarmUpMonths { get; init; } = 60;

    /// <summary>The recording bias. Default on (<see cref="RecordingBias"/>'s defaults); <see cref="RecordingBias.None"/> turns it off.</summary>
    public RecordingBias RecordingBias { get; init; } = new();

    /// <summary>Threads simulating households. Default: the processor count; 1 to 64. The output does not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// Monthly deliveries to write, the last dated on the extract date. Default 1: one extract folder holding the whole
    /// history. With more, a folder per delivery, each holding only what the agencies had entered by its date
    /// (<see cref="Synthetic.Deliveries.ReportingLags"/>); 1 to 60, and no more than <see cref="Months"/>.
    /// </summary>
    public int Deliveries { get; init; } = 1;

    /// <summary>The extract date: the last day of the final month of history; nothing is dated after it.</summary>
    public DateOnly ExtractDate => Start.AddMonths(Months).FirstDay.AddDays(-1);

    /// <summary>Problems with the options, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (People is < 1_000 or > 5_000_000)
            yield return Message($"The 'People' option must be between 1000 and 5000000. Got {People} instead.");
        if (Months is < 1 or > 240)
            yield return Message($"The 'Months' option must be between 1 and 240. Got {Months} instead.");
        if (WarmUpMonths is < 0 or > 240)
            yield return Message($"The 'WarmUpMonths' option must be between 0 and 240. Got {WarmUpMonths} instead.");
        if (Start.Year is < 1950 or > 2100)
            yield return Message($"The 'Start' option must be a month between 1950-01 and 2100-12. Got {Start} instead.");
        if (Threads is < 1 or > 64)
            yield return Message($"The 'Threads' option must be between 1 and 64. Got {Threads} instead.");
        if (Deliveries < 1 || Deliveries > Math.Min(60, Math.Max(1, Months)))
            yield return Message($"The 'Deliveries' option must be between 1 and 60 and at most the months of history ({Months}). Got {Deliveries} instead.");
        foreach (var problem in RecordingBias.Validate())
            yield return problem;
    }

    /// <summary>The options as name and value, for the manifest: everything that determines the output.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var described = Described();
        // Named only when there are several, so that a single extract's manifest is what it has always been.
        if (Deliveries > 1)
            described["deliveries"] = Format(Deliveries);
        return described;
    }

    private SortedDictionary<string, string> Described() => new(StringComparer.Ordinal)
    {
        ["people"] = Format(People),
        ["months"] = Format(Months),
        ["start"] = Start.ToString(),
        ["warm_up_months"] = Format(WarmUpMonths),
        ["recording_bias"] = RecordingBias.Enabled ? "on" : "off",
        ["black_and_mixed_multiplier"] = Format(RecordingBias.BlackAndMixedMultiplier),
        ["social_rent_multiplier"] = Format(RecordingBias.SocialRentMultiplier),
    };

    private static string Format(IFormattable value) => value.ToString(null, CultureInfo.InvariantCulture);

    private static string Message(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
