using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Needs.NeedParameters;

namespace EarlyHelp.Analytics.Synthetic.Needs;

/// <summary>One month of every household's and person's latent need, from the truth stream only.</summary>
internal static class NeedModel
{
    /// <summary>Severity level of a latent value: 0 none, 1 present, 2 moderate, 3 severe.</summary>
    public static int Level(float latent) => latent <= 0 ? 0 : latent <= 1 ? 1 : latent <= 2 ? 2 : 3;

    /// <summary>Updates the needs of every open household of <paramref name="lineage"/> for month <paramref name="month"/>.</summary>
    public static void Step(Lineage lineage, int month)
    {
        var truth = lineage.Truth;
        foreach (var household in lineage.Households)
        {
            if (household.Closed)
                continue;
            household.Stress = (float)(StressPersistence * household.Stress + StressNoise * truth.NextGaussian());
            UpdatePeople(household, month, truth);
            UpdateHousehold(household, month, truth);
        }
    }

    /// <summary>Innovation scale √(1 − ρ²) of each persistence, so that a need's own noise has unit variance.</summary>
    private static readonly double MentalHealthNoise = Noise(MentalHealthPersistence), SubstanceNoise = Noise(SubstancePersistence),
        OffendingNoise = Noise(OffendingPersistence), EducationNoise = Noise(EducationPersistence), AbuseNoise = Noise(AbusePersistence),
        MoneyNoise = Noise(MoneyPersistence), WelfareNoise = Noise(WelfarePersistence), StressNoise = Noise(StressPersistence);

    private static double Noise(double persistence) => Math.Sqrt(1 - persistence * persistence);

    private static float Advance(float current, double persistence, double noise, double target, RandomStream truth) =>
        (float)(persistence * current + (1 - persistence) * target + noise * truth.NextGaussian());

    private static void UpdatePeople(SimHousehold household, int month, RandomStream truth)
    {
        var deprivation = household.Area.Deprivation;
        var adversity = household.Adversity;
        var stress = household.Stress;
        var abuse = household.DomesticAbuse > 0;
        var welfare = household.Welfare > 0;
        foreach (var person in household.Residents)
        {
            var age = person.AgeIn(month);
            if (age >= 11)
            {
                var victim = abuse && age >= 16 && !person.Male;
                var target = (age >= 18 ? MentalHealthAdultBase : MentalHealthTeenBase) + MentalHealthDeprivation * deprivation
                    + MentalHealthTrait * person.MentalHealthTrait + MentalHealthAdversity * adversity + MentalHealthStress * stress
                    + (victim ? MentalHealthAbuseVictim : 0);
                person.MentalHealth = Advance(person.MentalHealth, MentalHealthPersistence, MentalHealthNoise, target, truth);
            }
            if (age >= 14)
            {
                var target = SubstanceBase + SubstanceDeprivation * deprivation + SubstanceTrait * person.SubstanceTrait
                    + SubstanceAdversity * adversity + SubstanceStress * stress + (person.MentalHealth > 0 ? SubstanceWithMentalHealth : 0)
                    + (person.Male ? SubstanceMale : 0) + (age < 18 ? SubstanceTeen : age >= 65 ? SubstanceOlder : 0);
                person.Substance = Advance(person.Substance, SubstancePersistence, SubstanceNoise, target, truth);
            }
            if (age >= 10)
            {
                var band = age switch { < 14 => 0, < 18 => 1, < 26 => 2, < 40 => 3, < 60 => 4, _ => 5 };
                var target = OffendingBaseByAge[band] + (person.Male ? OffendingMale : 0) + OffendingDeprivation * deprivation
                    + OffendingTrait * person.OffendingTrait + OffendingAdversity * adversity + OffendingStress * stress
                    + (person.Substance > 0 ? OffendingWithSubstance : 0);
                person.Offending = Advance(person.Offending, OffendingPersistence, OffendingNoise, target, truth);
            }
            if (age is >= 5 and < 18)
            {
                var target = EducationBase + EducationDeprivation * deprivation + EducationTrait * person.EducationTrait
                    + EducationAdversity * adversity + EducationStress * stress + (welfare ? EducationWithWelfare : 0)
                    + (abuse ? EducationWithAbuse : 0) + (person.Disabled ? EducationDisabled : 0) + (age >= 11 ? EducationSecondary : 0)
                    + (person.MentalHealth > 0 ? EducationWithMentalHealth : 0);
                person.Education = Advance(person.Education, EducationPersistence, EducationNoise, target, truth);
            }
        }
    }

    private static void UpdateHousehold(SimHousehold household, int month, RandomStream truth)
    {
        var deprivation = household.Area.Deprivation;
        var adversity = household.Adversity;
        var stress = household.Stress;
        bool adultMentalHealth = false, adultSubstance = false, disabledAdult = false, childNeeds = false;
        int workingAge = 0, adults = 0, children = 0;
        foreach (var person in household.Residents)
        {
            var age = person.AgeIn(month);
            if (age < 18)
            {
                children++;
                childNeeds |= person.Offending > 0 || person.MentalHealth > 0;
                continue;
            }
            adults++;
            adultMentalHealth |= person.MentalHealth > 0;
            adultSubstance |= person.Substance > 0;
            if (age < 65)
            {
                workingAge++;
                disabledAdult |= person.Disabled;
            }
        }

        var family = household.Family;
        var parents = family?.CountInRole(FamilyRole.Parent) ?? 0;
        var loneParent = parents == 1 && children > 0;
        var couple = parents == 2;
        var recentlySeparated = household.SeparatedMonth >= 0 && month - household.SeparatedMonth < AbuseAfterSeparationMonths;

        if (couple || recentlySeparated)
        {
            var target = AbuseBase + (couple ? 0 : AbuseAfterSeparation) + AbuseDeprivation * deprivation + AbuseAdversity * adversity
                + AbuseStress * stress + (adultSubstance ? AbuseWithSubstance : 0) + (adultMentalHealth ? AbuseWithMentalHealth : 0);
            household.DomesticAbuse = Advance(household.DomesticAbuse, AbusePersistence, AbuseNoise, target, truth);
        }
        else
            household.DomesticAbuse = Math.Min(household.DomesticAbuse, -1);

        if (workingAge > 0)
        {
            if (household.Workless)
            {
                var exit = WorklessExit * Math.Exp(-0.5 * (WorklessDeprivation * deprivation + (adultMentalHealth ? WorklessMentalHealth : 0) + (disabledAdult ? WorklessDisabled : 0)));
                household.Workless = !truth.Chance(exit);
            }
            else
            {
                var entry = WorklessEntry * Math.Exp(WorklessDeprivation * deprivation + (loneParent ? WorklessLoneParent : 0)
                    + (adultMentalHealth ? WorklessMentalHealth : 0) + (adultSubstance ? WorklessSubstance : 0)
                    + (disabledAdult ? WorklessDisabled : 0) + WorklessAdversity * adversity);
                if (truth.Chance(entry))
                {
                    household.Workless = true;
                    household.Stress += JobLossShock;
                }
            }
        }
        else
            household.Workless = false;

        if (adults > 0)
        {
            var target = MoneyBase + MoneyDeprivation * deprivation + (household.Workless ? MoneyWorkless : 0) + MoneyAdversity * adversity
                + MoneyStress * stress + (adultSubstance ? MoneyWithSubstance : 0) + (loneParent ? MoneyLoneParent : 0)
                + (household.Tenure != Tenure.Owner ? MoneyRenting : 0);
            household.Money = Advance(household.Money, MoneyPersistence, MoneyNoise, target, truth);
        }

        if (children > 0)
        {
            var target = WelfareBase + WelfareDeprivation * deprivation + (household.DomesticAbuse > 0 ? WelfareWithAbuse : 0)
                + (adultMentalHealth ? WelfareWithMentalHealth : 0) + (adultSubstance ? WelfareWithSubstance : 0)
                + (household.Money > 0 ? WelfareWithMoney : 0) + (loneParent ? WelfareLoneParent : 0) + WelfareAdversity * adversity
                + WelfareStress * stress + (childNeeds ? WelfareWithChildNeeds : 0);
            household.Welfare = Advance(household.Welfare, WelfarePersistence, WelfareNoise, target, truth);
        }
        else
            household.Welfare = Math.Min(household.Welfare, -1);
    }

    /// <summary>The family's true need this month per headline problem, or false when it has none (or no dependent children).</summary>
    public static bool FamilyNeed(SimFamily family, int month, out NeedLevels levels)
    {
        levels = default;
        var household = family.Household;
        int crime = 0, education = 0, health = 0, children = 0;
        foreach (var member in family.Members)
        {
            crime = Math.Max(crime, member.AgeIn(month) >= 10 ? Level(member.Offending) : 0);
            health = Math.Max(health, Math.Max(member.AgeIn(month) >= 11 ? Level(member.MentalHealth) : 0, member.AgeIn(month) >= 14 ? Level(member.Substance) : 0));
            if (member.Role == FamilyRole.Child)
            {
                children++;
                if (member.AgeIn(month) >= 5)
                    education = Math.Max(education, Level(member.Education));
            }
        }
        if (children == 0)
            return false;
        levels[0] = (byte)crime;
        levels[1] = (byte)education;
        levels[2] = (byte)Level(household.Welfare);
        levels[3] = (byte)Math.Max(Level(household.Money), household.Workless ? 1 : 0);
        levels[4] = (byte)Level(household.DomesticAbuse);
        levels[5] = (byte)health;
        return crime + education + levels[2] + levels[3] + levels[4] + health > 0;
    }
}
