using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>The recording bias applied to one person or family: a multiplier of at least 1 on how likely agencies are to record them.</summary>
internal sealed class Visibility(RecordingBias bias)
{
    /// <summary>The multiplier for <paramref name="person"/>: their ethnicity's and their home's tenure's.</summary>
    public double Of(SimPerson person) => Ethnic(person) * Tenured(person.Household);

    /// <summary>The multiplier for a family: its home's tenure's and the largest ethnicity multiplier among its members.</summary>
    public double Of(SimFamily family)
    {
        var ethnic = 1.0;
        foreach (var member in family.Members)
            ethnic = Math.Max(ethnic, Ethnic(member));
        return ethnic * Tenured(family.Household);
    }

    private double Ethnic(SimPerson person) =>
        person.Ethnicity is Ethnicity.Black or Ethnicity.Mixed ? bias.BlackAndMixedMultiplier : 1;

    private double Tenured(SimHousehold? household) =>
        household?.Tenure == Tenure.SocialRent ? bias.SocialRentMultiplier : 1;
}
