using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Needs;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Recording.HouseholdRecordingParameters;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// One month of what agencies record about a lineage, from the observation stream only: it reads the
/// true state and never changes it, so the truth is the same whatever the recording settings.
/// </summary>
internal sealed class AgencyRecorder
{
    private readonly Visibility visibility;
    private readonly SocialCareFunnel funnel;

    /// <summary>A recorder applying <paramref name="bias"/>.</summary>
    public AgencyRecorder(RecordingBias bias)
    {
        visibility = new Visibility(bias);
        funnel = new SocialCareFunnel(visibility);
    }

    /// <summary>Records month <paramref name="month"/> (an ordinal) for every open household of <paramref name="lineage"/>.</summary>
    public void Step(Lineage lineage, int month)
    {
        var calendar = YearMonth.FromOrdinal(month);
        var term = SchoolTerms.StartingIn(calendar.Year, calendar.Month);
        var context = new MonthContext(lineage, month, Days.FirstOf(month), Days.InMonth(month));
        foreach (var household in lineage.Households)
        {
            if (household.Closed)
                continue;
            foreach (var person in household.Residents)
            {
                if (month - person.BirthMonth == 18 * 12)
                    lineage.CloseSpells(person, context.FirstDay, dataset => Datasets.EndsAtEighteen[dataset]);
                PersonRecords(context, person, household);
                Claims(context, person, household);
                if (term is { } current)
                    PersistentAbsence(context, person, current.Start.DayNumber, current.End.DayNumber);
            }
            MoneyRecords(context, household);
            AbuseRecords(context, household);
            if (household.Family is { Ended: false } family)
                funnel.Step(context, family);
        }
    }

    private void PersonRecords(MonthContext context, SimPerson person, SimHousehold household)
    {
        var age = Math.Min(120, person.AgeIn(context.Month));
        var rules = RecordingRules.ByAge[age];
        var random = context.Lineage.Observation;
        var visible = visibility.Of(person);
        if (person.OpenSpells is null && person.MentalHealth <= 0 && person.Substance <= 0 && person.Offending <= 0
            && person.Education <= 0 && household.Welfare <= 0)
        {
            // No need and no open spell: every rule is at its false-positive rate, so one draw settles the month.
            var (unbiased, biased) = RecordingRules.QuietFalsePositives[age][household.Tenure == Tenure.SocialRent ? 1 : 0];
            if (!random.Chance(unbiased + biased * visible))
                return;
            MakeFalsePositive(context, rules, person, household, visible, random.NextDouble() * (unbiased + biased * visible));
            return;
        }

        Span<double> falsePositive = stackalloc double[rules.Length];
        var falsePositiveTotal = 0.0;
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            falsePositive[r] = 0;
            if (rule.SocialRentersOnly && household.Tenure != Tenure.SocialRent)
                continue;
            if (rule.IsSpell && context.HasOpenSpell(person, rule.Dataset))
                continue;
            var level = Level(rule.Driver, person, household);
            var probability = rule.ProbabilityByLevel[level] * (rule.Biased ? visible : 1);
            if (level == 0)
            {
                falsePositive[r] = probability;
                falsePositiveTotal += probability;
            }
            else if (random.Chance(probability))
                Make(context, rule, person);
        }

        // One draw decides whether any false positive happens this month, a second which one.
        if (falsePositiveTotal <= 0 || !random.Chance(falsePositiveTotal))
            return;
        var pick = random.NextDouble() * falsePositiveTotal;
        for (var r = 0; r < rules.Length; r++)
        {
            pick -= falsePositive[r];
            if (pick < 0 && falsePositive[r] > 0)
            {
                Make(context, rules[r], person);
                return;
            }
        }
    }

    /// <summary>Makes the false-positive record that <paramref name="pick"/> (uniform over the total false-positive probability) falls on.</summary>
    private static void MakeFalsePositive(MonthContext context, PersonRule[] rules, SimPerson person, SimHousehold household, double visible, double pick)
    {
        PersonRule? last = null;
        foreach (var rule in rules)
        {
            if (rule.SocialRentersOnly && household.Tenure != Tenure.SocialRent)
                continue;
            var probability = rule.ProbabilityByLevel[0] * (rule.Biased ? visible : 1);
            if (probability <= 0)
                continue;
            last = rule;
            pick -= probability;
            if (pick < 0)
                break;
        }
        if (last is not null)
            Make(context, last, person);
    }

    private static int Level(Driver driver, SimPerson person, SimHousehold household) => driver switch
    {
        Driver.MentalHealth => NeedModel.Level(person.MentalHealth),
        Driver.Substance => NeedModel.Level(person.Substance),
        Driver.Offending => NeedModel.Level(person.Offending),
        Driver.Education => NeedModel.Level(person.Education),
        Driver.Behaviour => NeedModel.Level(Math.Max(person.Education - 0.5f, person.Offending)),
        Driver.Health => NeedModel.Level(Math.Max(person.MentalHealth, person.Substance)),
        Driver.YoungPersonRisk => NeedModel.Level(Math.Max(household.Welfare, Math.Max(person.MentalHealth, person.Offending))),
        _ => NeedModel.Level(household.Welfare),
    };

    private static void Make(MonthContext context, PersonRule rule, SimPerson person)
    {
        var random = context.Lineage.Observation;
        var day = context.RandomDay() + (rule.MaximumDelayDays > 0 ? random.NextInt(rule.MaximumDelayDays + 1) : 0);
        var end = Days.None;
        var value = float.NaN;
        if (rule.IsSpell)
            end = day + random.NextInt(rule.MinimumMonths * 30, rule.MaximumMonths * 30);
        else if (rule.Dataset == Datasets.Suspension)
        {
            var days = 1 + random.NextInt(5);
            value = days;
            end = day + days - 1;
        }
        context.Record(rule.Dataset, person, day, end, value, rule.IsSpell);
        if (rule.ConcernWeight > 0)
            context.Raise(person, rule.ConcernWeight, day);
    }

    private static void Claims(MonthContext context, SimPerson person, SimHousehold household)
    {
        var age = person.AgeIn(context.Month);
        var eligible = household.Workless && age is >= 18 and < 65 && !person.NonClaimer;
        var open = context.HasOpenSpell(person, Datasets.OutOfWorkBenefit);
        if (open && !eligible)
            context.EndSpell(person, Datasets.OutOfWorkBenefit, context.RandomDay());
        else if (!open && eligible && context.Lineage.Observation.Chance(ClaimUptake))
            context.Record(Datasets.OutOfWorkBenefit, person, context.RandomDay(), Days.Open, float.NaN, spell: true);
    }

    private static void PersistentAbsence(MonthContext context, SimPerson person, int termStart, int termEnd)
    {
        if (person.AgeIn(context.Month) is < 5 or > 15)
            return;
        var random = context.Lineage.Observation;
        var score = person.Education + AbsenceNoise * random.NextGaussian() - AbsenceThreshold;
        if (score <= 0)
            return;
        var percent = Math.Min(100, 10 + AbsencePercentPerUnit * score + random.NextDouble());
        context.Record(Datasets.PersistentAbsence, person, termStart, termEnd, (float)Math.Round(percent, 1), spell: false);
        context.Raise(person, AbsenceConcern, termStart);
    }

    private static void MoneyRecords(MonthContext context, SimHousehold household)
    {
        if (Lead(household, context.Month) is not { } lead)
            return;
        var random = context.Lineage.Observation;
        var level = NeedModel.Level(household.Money);
        if (household.Tenure != Tenure.Owner)
        {
            var landlord = household.Tenure == Tenure.SocialRent ? 1 : PrivateRentVisibility;
            if (random.Chance(RentArrears[level] * landlord))
                context.Record(Datasets.RentArrears, lead, context.RandomDay(), Days.None, Pounds(random, 300 + 800 * level, 600), spell: false);
            if (random.Chance(NoticeSeekingPossession[level] * landlord))
                context.Record(Datasets.NoticeSeekingPossession, lead, context.RandomDay(), Days.None, float.NaN, spell: false);
        }
        if (random.Chance(CouncilTaxArrears[level]))
            context.Record(Datasets.CouncilTaxArrears, lead, context.RandomDay(), Days.None, Pounds(random, 150 + 300 * level, 400), spell: false);
        if (random.Chance(CrisisSupport[level]))
            context.Record(Datasets.CrisisSupport, lead, context.RandomDay(), Days.None, Pounds(random, 40, 260), spell: false);

        var homeless = household.EvictedThisMonth ? HomelessAfterEviction
            : Homelessness[level] + (NeedModel.Level(household.DomesticAbuse) == 3 ? HomelessFleeingAbuse : 0);
        if (!context.HasOpenSpell(lead, Datasets.Homelessness) && random.Chance(homeless))
        {
            var day = context.RandomDay();
            context.Record(Datasets.Homelessness, lead, day, day + random.NextInt(20, 90), float.NaN, spell: true);
            context.Raise(lead, 0.3, day);
        }
    }

    private void AbuseRecords(MonthContext context, SimHousehold household)
    {
        if (Victim(household, context.Month) is not { } victim)
            return;
        var random = context.Lineage.Observation;
        var level = NeedModel.Level(household.DomesticAbuse);
        if (!random.Chance(AbuseIncident[level] * visibility.Of(victim)))
            return;
        var day = context.RandomDay();
        context.Record(Datasets.DomesticAbuseIncident, victim, day, Days.None, float.NaN, spell: false);
        context.Raise(victim, AbuseConcern, day);
        if (random.Chance(Marac[level]))
            context.Record(Datasets.Marac, victim, day + random.NextInt(7, 35), Days.None, float.NaN, spell: false);
        if (!context.HasOpenSpell(victim, Datasets.Idva) && random.Chance(Idva[level]))
        {
            var start = day + random.NextInt(1, 14);
            context.Record(Datasets.Idva, victim, start, start + random.NextInt(60, 180), float.NaN, spell: true);
        }
        if (random.Chance(ProtectionNotice[level]))
            context.Record(Datasets.ProtectionNotice, victim, day + random.NextInt(2), Days.None, float.NaN, spell: false);
    }

    /// <summary>The adult a household's money records name: a parent of the family, else the eldest adult.</summary>
    private static SimPerson? Lead(SimHousehold household, int month)
    {
        SimPerson? lead = null;
        foreach (var person in household.Residents)
        {
            if (person.AgeIn(month) < 18)
                continue;
            if (person.Role == FamilyRole.Parent && person.Family is not null)
                return person;
            if (lead is null || person.BirthMonth < lead.BirthMonth)
                lead = person;
        }
        return lead;
    }

    /// <summary>The adult most at risk of abuse: a woman of 16 or over when there is one.</summary>
    private static SimPerson? Victim(SimHousehold household, int month)
    {
        SimPerson? victim = null;
        foreach (var person in household.Residents)
        {
            if (person.AgeIn(month) < 16)
                continue;
            if (!person.Male)
                return person;
            victim ??= person;
        }
        return victim;
    }

    private static float Pounds(RandomStream random, double minimum, double spread) => (float)Math.Round(minimum + spread * random.NextDouble(), 2);
}
