using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>Everything a hub's readers return, for comparing two hubs row by row.</summary>
public sealed record HubContents(
    IReadOnlyList<Household> Households, IReadOnlyList<Person> People, IReadOnlyList<Residence> Residences,
    IReadOnlyList<FamilyMembership> Memberships, IReadOnlyList<AgencyEvent> Events, IReadOnlyList<ProtectedCharacteristics> Protected)
{
    /// <summary>Reads every row through the store's readers.</summary>
    public static HubContents Of(IHubStore store)
    {
        var reader = store.OpenReader();
        return new HubContents(reader.Households().ToArray(), reader.People().ToArray(), reader.Residences().ToArray(),
            reader.FamilyMemberships().ToArray(), reader.Events().ToArray(), store.OpenProtectedCharacteristicsReader().ProtectedCharacteristics().ToArray());
    }

    /// <summary>Asserts that <paramref name="other"/> holds the same rows.</summary>
    public void AssertSameAs(HubContents other)
    {
        Assert.Equal(Households, other.Households);
        Assert.Equal(People, other.People);
        Assert.Equal(Residences, other.Residences);
        Assert.Equal(Memberships, other.Memberships);
        Assert.Equal(Events, other.Events);
        Assert.Equal(Protected, other.Protected);
    }
}
