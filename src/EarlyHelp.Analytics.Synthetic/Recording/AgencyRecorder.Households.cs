using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Needs;
using EarlyHelp.Analytics.Synthetic.Places;
using EarlyHelp.Analytics.Synthetic.Population;
using EarlyHelp.Analytics.Synthetic.Randomness;
using static EarlyHelp.Analytics.Synthetic.Recording.HouseholdRecordingParameters;

namespace EarlyHelp.Analytics.Synthetic.Recording;

/// <summary>Records about a household's money troubles and about domestic abuse in it.</summary>
internal sealed partial class AgencyRecorder
{
    private static void MoneyRecords(MonthContext context, SimHousehold household)
    {
        if (Lead(household, context.Month) is not { } lead)
            return;
        var random = context.Lineage.Observation;
        var level = NeedModel.Level(household.Money);
        var landlord = household.Tenure switch { Tenure.SocialRent => 1, Tenure.PrivateRent => PrivateRentVisibility, _ => 0 };
        var homeless = household.EvictedThisMonth ? HomelessAfterEviction
            : Homelessness[level] + (NeedModel.Level(household.DomesticAbuse) == 3 ? HomelessFleeingAbuse : 0);
        ReadOnlySpan<double> chances =
        [
            RentArrears[level] * landlord, NoticeSeekingPossession[level] * landlord, CouncilTaxArrears[level], CrisisSupport[level],
            context.HasOpenSpell(lead, Datasets.Homelessness) ? 0 : homeless,
        ];

        if (level == 0 && homeless == 0)
        {
            // Without money trouble every record is rare: one draw settles the month (two in a month are negligible).
            var pick = random.NextDouble();
            for (var kind = 0; kind < chances.Length; kind++)
            {
                pick -= chances[kind];
                if (pick < 0)
                {
                    MoneyRecord(context, kind, lead, level);
                    return;
                }
            }
            return;
        }
        for (var kind = 0; kind < chances.Length; kind++)
        {
            if (random.Chance(chances[kind]))
                MoneyRecord(context, kind, lead, level);
        }
    }

    /// <summary>Records money record <paramref name="kind"/> (rent arrears, notice, council tax arrears, crisis award, homelessness) about <paramref name="lead"/>.</summary>
    private static void MoneyRecord(MonthContext context, int kind, SimPerson lead, int level)
    {
        var random = context.Lineage.Observation;
        var day = context.RandomDay();
        switch (kind)
        {
            case 0:
                context.Record(Datasets.RentArrears, lead, day, Days.None, Pounds(random, 300 + 800 * level, 600), spell: false);
                break;
            case 1:
                context.Record(Datasets.NoticeSeekingPossession, lead, day, Days.None, float.NaN, spell: false);
                break;
            case 2:
                context.Record(Datasets.CouncilTaxArrears, lead, day, Days.None, Pounds(random, 150 + 300 * level, 400), spell: false);
                break;
            case 3:
                context.Record(Datasets.CrisisSupport, lead, day, Days.None, Pounds(random, 40, 260), spell: false);
                break;
            default:
                context.Record(Datasets.Homelessness, lead, day, day + random.NextInt(20, 90), float.NaN, spell: true);
                context.Raise(lead, 0.3, day);
                break;
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
