using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Needs;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using static EarlyHelp.Analytics.Synthetic.Recording.HouseholdRecordingParameters;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>
/// One month of what agencies record about a lineage, from the observation stream only: it reads the
/// true state and never changes it, so the truth is the same whatever the recording settings.
/// </summary>
internal sealed partial class AgencyRecorder
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
}
