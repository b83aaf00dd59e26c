using System.Globalization;

namespace EarlyHelp.Analytics.Synthetic;

/// <summary>
/// How much more visible some families are to agencies for the same true need: the recording bias
/// that the fairness audit should find (docs/synthetic-city.md, section 2: surveillance and recording
/// bias). Multipliers scale the probability that a police, school, health visitor or social care
/// record is made, and the odds that a contact is referred. They change only what is recorded; the
/// true city is the same with or without them.
/// </summary>
public sealed record RecordingBias
{
    /// <summary>No bias: every group is recorded alike for the same need.</summary>
    public static RecordingBias None { get; } = new() { BlackAndMixedMultiplier = 1, SocialRentMultiplier = 1 };

    /// <summary>Multiplier for people of Black or Mixed ethnicity (and families with such a member). Default 1.5; at least 1.</summary>
    public double BlackAndMixedMultiplier { get; init; } = 1.5;

    /// <summary>Multiplier for people in socially rented homes. Default 1.3; at least 1.</summary>
    public double SocialRentMultiplier { get; init; } = 1.3;

    /// <summary>True when any multiplier differs from 1.</summary>
    public bool Enabled => BlackAndMixedMultiplier != 1 || SocialRentMultiplier != 1;

    /// <summary>Problems with the settings, one message each; empty when they are valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!(BlackAndMixedMultiplier >= 1 && BlackAndMixedMultiplier <= 5))
            yield return string.Create(CultureInfo.InvariantCulture, $"The 'BlackAndMixedMultiplier' option must be between 1 and 5. Got {BlackAndMixedMultiplier} instead.");
        if (!(SocialRentMultiplier >= 1 && SocialRentMultiplier <= 5))
            yield return string.Create(CultureInfo.InvariantCulture, $"The 'SocialRentMultiplier' option must be between 1 and 5. Got {SocialRentMultiplier} instead.");
    }
}
