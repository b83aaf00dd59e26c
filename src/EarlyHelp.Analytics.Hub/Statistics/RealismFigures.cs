using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Statistics;

/// <summary>
/// The realism figures of a hub at its extract date D, by these definitions: a resident is a person
/// alive at D (death taken as the 1st of its month) with a residence covering D (start ≤ D, end empty or
/// after D); ages count from the 1st of the birth month; children are residents aged 0-17. A record is
/// open at D when it starts on or before D and its end is empty or after D; "the 12 months before D"
/// is the window (D − 12 months, D].
/// </summary>
public static class RealismFigures
{
    /// <summary>Computes every figure of <see cref="RealismTarget.All"/> from what <paramref name="reader"/> holds.</summary>
    public static RealismReport Compute(IHubReader reader)
    {
        var asOf = reader.ExtractDate;
        var population = ResidentPopulation.At(reader, asOf);
        var tallies = EventTallies.Count(reader.Events(), asOf);

        var children = population.Residents.Where(r => r.Age is >= 0 and <= 17).ToArray();
        var schoolAge = children.Where(r => r.Age is >= 5 and <= 15).ToArray();
        var workingAgeByHousehold = population.Residents.Where(r => r.Age is >= 16 and <= 64).GroupBy(r => r.Household).ToArray();

        double? PerChildren(Func<Resident, bool> counted, double scale) => Rate(children.Count(counted), children.Length, scale);
        double? LookedAfterRate(int decile)
        {
            var inDecile = children.Where(r => population.DecileOf(r.Household) == decile).ToArray();
            return Rate(inDecile.Count(r => tallies.LookedAfter.Contains(r.Person)), inDecile.Length, 1);
        }

        var deprived = LookedAfterRate(1);
        var affluent = LookedAfterRate(10);
        double?[] values =
        [
            Rate(children.Length, population.Residents.Count, 1),
            PerChildren(r => tallies.ChildInNeed.Contains(r.Person) || tallies.ChildProtection.Contains(r.Person) || tallies.LookedAfter.Contains(r.Person), 10_000),
            PerChildren(r => tallies.ChildProtection.Contains(r.Person), 10_000),
            PerChildren(r => tallies.LookedAfter.Contains(r.Person), 10_000),
            Rate(schoolAge.Count(r => tallies.PersistentlyAbsent.Contains(r.Person)), schoolAge.Length, 1),
            Rate(workingAgeByHousehold.Count(household => household.All(r => tallies.OutOfWork.Contains(r.Person))), workingAgeByHousehold.Length, 1),
            Rate(tallies.DomesticAbuseIncidents, population.Residents.Count, 1_000),
            deprived is { } rate1 && affluent is > 0 ? rate1 / affluent.Value : null,
        ];

        var figures = RealismTarget.All.Select((target, i) => new RealismFigure(target, values[i])).ToArray();
        return new RealismReport(asOf, population.Residents.Count, children.Length, schoolAge.Length, workingAgeByHousehold.Length, figures);
    }

    private static double? Rate(long count, long of, double scale) => of == 0 ? null : scale * count / of;
}

/// <summary>One realism figure: its target and the value the hub gives.</summary>
/// <param name="Target">What it is and what it should be.</param>
/// <param name="Value">The hub's value; null when its denominator is empty.</param>
public sealed record RealismFigure(RealismTarget Target, double? Value)
{
    /// <summary>Whether the value lies in the target's accepted range; false when there is no value.</summary>
    public bool IsWithin => Value is { } value && Target.Accepts(value);
}

/// <summary>The realism figures of a hub and the populations they were computed over.</summary>
/// <param name="AsOf">The reference date D (the hub's extract date).</param>
/// <param name="Residents">Residents at D.</param>
/// <param name="Children">Residents aged 0-17.</param>
/// <param name="ChildrenAged5To15">Residents aged 5-15.</param>
/// <param name="HouseholdsWithWorkingAgeResident">Households with a resident aged 16-64.</param>
/// <param name="Figures">The figures, in the order of <see cref="RealismTarget.All"/>.</param>
public sealed record RealismReport(
    DateOnly AsOf, long Residents, long Children, long ChildrenAged5To15, long HouseholdsWithWorkingAgeResident, IReadOnlyList<RealismFigure> Figures)
{
    /// <summary>The figure named <paramref name="name"/>.</summary>
    public RealismFigure this[string name] => Figures.First(figure => figure.Target.Name == name);
}
