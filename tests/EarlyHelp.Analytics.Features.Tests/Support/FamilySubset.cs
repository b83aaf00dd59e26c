using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>
/// The part of a hub that some families need, as one partition of a partitioned hub holds it: those families'
/// memberships, and their members' people rows, residences (with their households) and records. The opt-out register
/// is whole, as every partition reads it.
/// </summary>
internal sealed class FamilySubset(IHubReader hub, Func<FamilyId, bool> takes) : IHubReader
{
    private HashSet<PersonId> Members => hub.FamilyMemberships().Where(m => takes(m.Family)).Select(m => m.Person).ToHashSet();

    public DateOnly ExtractDate => hub.ExtractDate;

    public IEnumerable<Household> Households()
    {
        var members = Members;
        var used = hub.Residences().Where(r => members.Contains(r.Person)).Select(r => r.Household).ToHashSet();
        return hub.Households().Where(h => used.Contains(h.Id));
    }

    public IEnumerable<Person> People() => hub.People().Where(p => Members.Contains(p.Id));

    public IEnumerable<Residence> Residences() => hub.Residences().Where(r => Members.Contains(r.Person));

    public IEnumerable<FamilyMembership> FamilyMemberships() => hub.FamilyMemberships().Where(m => takes(m.Family));

    public IEnumerable<AgencyEvent> Events() => hub.Events().Where(e => Members.Contains(e.Person));

    public IEnumerable<OptOut> OptOuts() => hub.OptOuts();
}
