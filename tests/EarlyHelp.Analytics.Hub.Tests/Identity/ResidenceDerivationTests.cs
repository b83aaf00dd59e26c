using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>Residence periods from dated address records; expected periods worked out by hand from the rules in <see cref="ResidenceDerivation"/>.</summary>
public sealed class ResidenceDerivationTests
{
    private static AddressObservation Occupancy(string uprn, DateOnly start, DateOnly? end = null, long order = 0) =>
        new(uprn, new Period(start, end), AddressEvidence.Occupancy, order);

    private static AddressObservation Point(string uprn, DateOnly day) => new(uprn, new Period(day, null), AddressEvidence.Point, 0);

    private static AddressObservation Event(string uprn, DateOnly day) => new(uprn, new Period(day, null), AddressEvidence.Event, 0);

    [Fact]
    public void Derive_ConflictingCurrentAddresses_MostRecentStartWins()
    {
        // Council tax says A from 2019, still open; housing says B from 2022, still open: B is current, A ends the day B starts.
        var residences = ResidenceDerivation.Derive([Occupancy("A", new(2019, 4, 1)), Occupancy("B", new(2022, 7, 1))]);

        Assert.Equal([("A", new Period(new(2019, 4, 1), new(2022, 7, 1))), ("B", new Period(new(2022, 7, 1), null))], residences);
    }

    [Fact]
    public void Derive_OccupancyClosedAfterEarlierCensusDays_ClosedOnItsEnd()
    {
        // Census days at A in 2020 and 2021 lie before the occupancy's end in 2023: the residence closes then.
        var residences = ResidenceDerivation.Derive([Point("A", new(2020, 1, 16)), Occupancy("A", new(2018, 5, 1), new(2023, 3, 31)), Point("A", new(2021, 1, 21))]);

        Assert.Equal([("A", new Period(new(2018, 5, 1), new(2023, 3, 31)))], residences);
    }

    [Fact]
    public void Derive_CensusAfterTheOccupancyEnded_KeepsTheResidenceOpen()
    {
        var residences = ResidenceDerivation.Derive([Occupancy("A", new(2018, 5, 1), new(2023, 3, 31)), Point("A", new(2023, 3, 31))]);

        Assert.Equal([("A", new Period(new(2018, 5, 1), null))], residences);
    }

    [Fact]
    public void Derive_MoveAndClosedOccupancy_EndsAtTheMoveThenAtTheOccupancysEnd()
    {
        var residences = ResidenceDerivation.Derive([Point("A", new(2018, 5, 1)), Point("A", new(2021, 1, 21)), Occupancy("B", new(2023, 2, 1), new(2023, 12, 1))]);

        Assert.Equal([("A", new Period(new(2018, 5, 1), new(2023, 2, 1))), ("B", new Period(new(2023, 2, 1), new(2023, 12, 1)))], residences);
    }

    [Fact]
    public void Derive_OnlyEvents_LivesAtTheMostRecentEventsAddress()
    {
        // Events: A in 2020, B in 2021 and 2023; the latest is B, first seen at B in 2021.
        var residences = ResidenceDerivation.Derive([Event("A", new(2020, 3, 3)), Event("B", new(2023, 6, 1)), Event("B", new(2021, 9, 9))]);

        Assert.Equal([("B", new Period(new(2021, 9, 9), null))], residences);
    }

    [Fact]
    public void Derive_EventsBesideRegisterRecords_AreIgnored()
    {
        // A stale event address after a move must not move the person back.
        var residences = ResidenceDerivation.Derive([Occupancy("B", new(2022, 1, 1)), Event("A", new(2023, 1, 1))]);

        Assert.Equal([("B", new Period(new(2022, 1, 1), null))], residences);
    }

    [Fact]
    public void Derive_SameStartAtTwoAddresses_LaterOrderWinsWithoutAnEmptyResidence()
    {
        var residences = ResidenceDerivation.Derive([Occupancy("A", new(2022, 1, 1), order: 1), Occupancy("B", new(2022, 1, 1), order: 2)]);

        Assert.Equal([("B", new Period(new(2022, 1, 1), null))], residences);
    }
}
