using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Statistics;

/// <summary>The events the realism figures need, gathered in one pass over the event table.</summary>
internal sealed class EventTallies
{
    /// <summary>Code of out-of-work benefit claims.</summary>
    public const string OutOfWorkBenefit = "dwp.out_of_work_benefit";

    /// <summary>Code of persistent absence records.</summary>
    public const string PersistentAbsence = "school.persistent_absence";

    /// <summary>Code of police domestic abuse incidents.</summary>
    public const string DomesticAbuseIncident = "police.domestic_abuse_incident";

    /// <summary>People with a Child in Need plan open at the date.</summary>
    public HashSet<PersonId> ChildInNeed { get; } = [];

    /// <summary>People with a Child Protection plan open at the date.</summary>
    public HashSet<PersonId> ChildProtection { get; } = [];

    /// <summary>People with a looked-after record open at the date.</summary>
    public HashSet<PersonId> LookedAfter { get; } = [];

    /// <summary>People with a persistent absence record starting in the 12 months before the date.</summary>
    public HashSet<PersonId> PersistentlyAbsent { get; } = [];

    /// <summary>People with an out-of-work benefit claim open at the date.</summary>
    public HashSet<PersonId> OutOfWork { get; } = [];

    /// <summary>Police domestic abuse incidents starting in the 12 months before the date.</summary>
    public long DomesticAbuseIncidents { get; private set; }

    /// <summary>Tallies <paramref name="events"/> at <paramref name="date"/>.</summary>
    public static EventTallies Count(IEnumerable<AgencyEvent> events, DateOnly date)
    {
        var tallies = new EventTallies();
        var windowStart = date.AddMonths(-12);
        foreach (var e in events)
        {
            var open = e.Start <= date && (e.End is null || e.End > date);
            var inWindow = e.Start > windowStart && e.Start <= date;
            switch (e.Dataset)
            {
                case DatasetCatalogue.ChildInNeedPlan when open:
                    tallies.ChildInNeed.Add(e.Person);
                    break;
                case DatasetCatalogue.ChildProtectionPlan when open:
                    tallies.ChildProtection.Add(e.Person);
                    break;
                case DatasetCatalogue.LookedAfter when open:
                    tallies.LookedAfter.Add(e.Person);
                    break;
                case OutOfWorkBenefit when open:
                    tallies.OutOfWork.Add(e.Person);
                    break;
                case PersistentAbsence when inWindow:
                    tallies.PersistentlyAbsent.Add(e.Person);
                    break;
                case DomesticAbuseIncident when inWindow:
                    tallies.DomesticAbuseIncidents++;
                    break;
            }
        }
        return tallies;
    }
}
