using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>Families from relationships and co-residence, changing over time; expected memberships worked out by hand from the rules in <see cref="FamilyDerivation"/>.</summary>
public sealed class FamilyDerivationTests
{
    private const long Mother = 1, Father = 2, Partner = 3, Grandmother = 4, Older = 10, Younger = 11;
    private static readonly DateOnly Start = new(2010, 1, 1), FatherLeaves = new(2020, 6, 1), PartnerArrives = new(2021, 3, 1), YoungerLeaves = new(2023, 9, 1);

    private static readonly Dictionary<long, IReadOnlyList<(string Uprn, Period Period)>> Residences = new()
    {
        [Mother] = [("H", new Period(Start, null))],
        [Father] = [("H", new Period(Start, FatherLeaves)), ("H2", new Period(FatherLeaves, null))],
        [Partner] = [("H", new Period(PartnerArrives, null))],
        [Grandmother] = [("G", new Period(Start, null))],
        [Older] = [("H", new Period(Start, null))],
        [Younger] = [("H", new Period(Start, YoungerLeaves)), ("H3", new Period(YoungerLeaves, null))],
    };

    private static readonly CarerLink[] Links =
    [
        new(Older, Mother, CarerRelationship.Mother, new Period(Start, null)),
        new(Older, Father, CarerRelationship.Father, new Period(Start, null)),
        new(Younger, Mother, CarerRelationship.Mother, new Period(Start, null)),
        new(Younger, Father, CarerRelationship.Father, new Period(Start, null)),
        new(Older, Partner, CarerRelationship.Carer, new Period(PartnerArrives, null)),
        // A grandmother who lives elsewhere is a contact, not a member.
        new(Older, Grandmother, CarerRelationship.Grandparent, new Period(Start, null)),
    ];

    [Fact]
    public void Derive_FatherLeavesPartnerArrivesChildLeaves_MembershipsFollowCoResidence()
    {
        var family = Assert.Single(FamilyDerivation.Derive(Links, Residences, new DateOnly(2024, 3, 31)));

        Assert.Equal(Mother, family.PrimaryCarer);
        Assert.Equal(
            [
                (Older, FamilyRole.Child, new Period(Start, null)),
                (Younger, FamilyRole.Child, new Period(Start, YoungerLeaves)),
                (Mother, FamilyRole.Parent, new Period(Start, null)),
                (Father, FamilyRole.Parent, new Period(Start, FatherLeaves)),
                (Partner, FamilyRole.Parent, new Period(PartnerArrives, null)),
            ],
            family.Members);
    }

    [Fact]
    public void Derive_FathersNewPartnersChild_IsAnotherFamily()
    {
        // After leaving, the father lives at H2 with a new partner (5) and her child (12): a second family around her.
        var residences = new Dictionary<long, IReadOnlyList<(string Uprn, Period Period)>>(Residences)
        {
            [5] = [("H2", new Period(Start, null))],
            [12] = [("H2", new Period(Start, null))],
        };
        CarerLink[] links = [.. Links, new(12, 5, CarerRelationship.Mother, new Period(Start, null)), new(12, Father, CarerRelationship.Carer, new Period(FatherLeaves, null))];

        var families = FamilyDerivation.Derive(links, residences, new DateOnly(2024, 3, 31));

        Assert.Equal([Mother, 5L], families.Select(f => f.PrimaryCarer));
        Assert.Contains((Father, FamilyRole.Parent, new Period(FatherLeaves, null)), families[1].Members);
    }

    [Fact]
    public void Effective_NoResidenceForTheCarer_TheSourcesPeriodCounts()
    {
        var link = new CarerLink(Older, 99, CarerRelationship.Father, new Period(Start, FatherLeaves));

        Assert.Equal([new Period(Start, FatherLeaves)], FamilyDerivation.Effective(link, Residences));
    }
}
