using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Features.History;

namespace EarlyHelp.Analytics.Features.Tests.Support;

/// <summary>Family 7: a parent (person 1, born 1980-01, a member since 2005) and a child (person 2, born 2015-01), with whatever records a test gives them.</summary>
internal static class ParentAndChild
{
    /// <summary>The family in a hub extracted on <paramref name="extract"/>, after <paramref name="records"/> has added records for (hub, parent, child).</summary>
    public static FamilyHistory Family(DateOnly extract, Action<InMemoryHub, PersonId, PersonId> records)
    {
        var hub = new InMemoryHub(extract);
        var parent = hub.Person(1, "1980-01");
        var child = hub.Person(2, "2015-01");
        hub.Member(7, parent, FamilyRole.Parent, "2005-01-01").Member(7, child, FamilyRole.Child, "2015-01-01");
        records(hub, parent, child);
        return hub.Family(7);
    }
}
