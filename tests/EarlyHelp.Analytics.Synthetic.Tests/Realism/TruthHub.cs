using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// A generated city as a perfectly linked hub, read straight from its truth: the true households, people,
/// residences and family memberships, and every agency record under its true person, with the events older
/// than their dataset's retention period left out as the hub's ingest leaves them out. The realism figures
/// describe the true city, so they are computed on this reader with the hub's own code
/// (<see cref="Hub.Statistics.RealismFigures"/>); what actual linkage does to them is a separate question.
/// </summary>
public sealed class TruthHub : IHubReader
{
    private const string IsoDate = "yyyy-MM-dd";
    private readonly Household[] households;
    private readonly Person[] people;
    private readonly Residence[] residences;
    private readonly FamilyMembership[] memberships;
    private readonly AgencyEvent[] events;

    public TruthHub(ExtractFolder city)
    {
        ExtractDate = city.ExtractDate;
        var householdTable = city.Table(RegisterFiles.Households);
        households = householdTable.Rows.Select(r => new Household(new HouseholdId(Id(r[0])), r[householdTable.Column("uprn")],
            r[householdTable.Column("area_code")], city.HouseholdDecile[Id(r[0])], city.HouseholdTenure[Id(r[0])])).ToArray();
        people = city.People.Select(p => new Person(new PersonId(p.Key), p.Value.Birth, p.Value.Death)).ToArray();
        residences = city.Residences.Select(r => new Residence(new PersonId(r.Owner), new HouseholdId(r.Other), r.Start, r.End)).ToArray();
        memberships = city.Table(RegisterFiles.FamilyMembers).Rows.Select(r => new FamilyMembership(new FamilyId(Id(r[0])), new PersonId(Id(r[1])),
            FamilyRoles.TryParse(r[2], out var role) ? role : throw new FormatException($"Not a family role: '{r[2]}'."),
            Date(r[3])!.Value, Date(r[4]))).ToArray();

        var list = new List<AgencyEvent>();
        foreach (var dataset in DatasetCatalogue.All)
        {
            // The hub's ingest keeps a record only from the first day of its dataset's retention period.
            var oldestKept = ExtractDate.AddMonths(-dataset.RetentionMonths);
            list.AddRange(city.Records(dataset.Code).Where(r => r.Start >= oldestKept)
                .Select(r => new AgencyEvent(0, new PersonId(r.Person), dataset.Code, r.Start, r.End, r.Value)));
        }
        events = [.. list.Select((e, i) => e with { EventId = i + 1 })];
    }

    public DateOnly ExtractDate { get; }

    public IEnumerable<Household> Households() => households;

    public IEnumerable<Person> People() => people;

    public IEnumerable<Residence> Residences() => residences;

    public IEnumerable<FamilyMembership> FamilyMemberships() => memberships;

    public IEnumerable<AgencyEvent> Events() => events;

    public IEnumerable<OptOut> OptOuts() => [];

    private static long Id(string text) => long.Parse(text, CultureInfo.InvariantCulture);

    private static DateOnly? Date(string text) => text.Length == 0 ? null : DateOnly.ParseExact(text, IsoDate, CultureInfo.InvariantCulture);
}
