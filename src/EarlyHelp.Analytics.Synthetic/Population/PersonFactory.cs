using EarlyHelp.Analytics.Synthetic.Identity;
using EarlyHelp.Analytics.Synthetic.Places;

namespace EarlyHelp.Analytics.Synthetic.Population;

/// <summary>
/// Creates people: protected characteristics and lasting traits from the truth stream, name and day
/// of birth from the identity stream, so that names can change without changing anyone's life.
/// </summary>
internal static class PersonFactory
{
    /// <summary>
    /// Disability by age band (0–15, 16–24, 25–34, 35–49, 50–64, 65–74, 75–84, 85+), shaped so that
    /// the age-standardised rate is about 17.7% (ONS Census 2021) [D].
    /// </summary>
    private static readonly (int MaximumAge, double Rate)[] DisabilityByAge =
        [(15, 0.06), (24, 0.11), (34, 0.12), (49, 0.15), (64, 0.23), (74, 0.30), (84, 0.42), (200, 0.60)];

    /// <summary>
    /// Log-ratio of disability per unit of deprivation: at ages 40–44, 21.6% in the most deprived decile
    /// against 8.1% in the least (ONS Census 2021) [S], a ratio of 2.67 = e^(2 × 0.49) [D].
    /// </summary>
    private const double DisabilityDeprivationSlope = 0.49;

    /// <summary>Disability relative to the average by sex: women 18.7%, men 16.5% against 17.7% (ONS Census 2021) [S].</summary>
    private const double FemaleDisability = 18.7 / 17.7, MaleDisability = 16.5 / 17.7;

    /// <summary>Share of people who would not claim out-of-work benefits when workless [A].</summary>
    private const double NonClaimerShare = 0.05;

    /// <summary>The city-wide mean of the deprivation multiplier, so that the gradient leaves the overall rate alone.</summary>
    private static readonly double MeanDeprivationMultiplier = Enumerable.Range(1, 10)
        .Sum(d => PlaceParameters.DecileShares[d - 1] * Math.Exp(DisabilityDeprivationSlope * (5.5 - d) / 4.5));

    /// <summary>Creates a person born in <paramref name="birthMonth"/>, living in an area of the given deprivation in <paramref name="month"/>.</summary>
    public static SimPerson Create(Lineage lineage, int month, int birthMonth, bool male, Ethnicity ethnicity, double deprivation, int? surname = null)
    {
        var truth = lineage.Truth;
        var person = lineage.NewPerson();
        person.BirthMonth = birthMonth;
        person.Male = male;
        person.Ethnicity = ethnicity;
        person.Disabled = truth.Chance(DisabilityRate((month - birthMonth) / 12, male, deprivation));
        person.MentalHealthTrait = (float)truth.NextGaussian();
        person.SubstanceTrait = (float)truth.NextGaussian();
        person.OffendingTrait = (float)truth.NextGaussian();
        person.EducationTrait = (float)truth.NextGaussian();
        person.NonClaimer = truth.Chance(NonClaimerShare);
        person.MentalHealth = person.Substance = person.Offending = person.Education = -1;

        var identity = lineage.Identity;
        person.Forename = NamePools.Forenames(male).Draw(ethnicity, identity);
        person.Surname = surname ?? NamePools.Surnames.Draw(ethnicity, identity);
        person.BirthDay = 1 + identity.NextInt(Days.InMonth(birthMonth));
        return person;
    }

    /// <summary>Probability of disability at <paramref name="age"/>.</summary>
    public static double DisabilityRate(int age, bool male, double deprivation)
    {
        var rate = DisabilityByAge.First(band => age <= band.MaximumAge).Rate;
        return Math.Min(0.95, rate * (male ? MaleDisability : FemaleDisability)
            * Math.Exp(DisabilityDeprivationSlope * deprivation) / MeanDeprivationMultiplier);
    }
}
