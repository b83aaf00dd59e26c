using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>Residence periods from dated address records; expected periods worked out by hand from the rules in <see cref="ResidenceDerivation"/>.</summary>
public sealed class ResidenceDerivationTests
{
    private static AddressObservation Dated(string uprn, DateOnly start, DateOnly? end = null, long order = 0) => new(uprn, new Period(start, end), true, order);

    [Fact]
    public void Derive_ConflictingCurrentAddresses_MostRecentStartWins()
    {
        // Council tax says A from 2019, still open; housing says B from 2022, still open: B is current, A ends the day B starts.
        var residences = ResidenceDerivation.Derive([Dated("A", new(2019, 4, 1)), Dated("B", new(2022, 7, 1))]);

        Assert.Equal([("A", new Period(new(2019, 4, 1), new(2022, 7, 1))), ("B", new Period(new(2022, 7, 1), null))], residences);
    }

    [Fact]
    public void Derive_RecordsAtOneAddress_JoinIntoOneResidence()
    {
        // Two census records and a closed occupancy at A, then a move to B in 2023 with an end.
        var residences = ResidenceDerivation.Derive(
            [Dated("A", new(2020, 1, 16)), Dated("A", new(2018, 5, 1), new(2021, 3, 31)), Dated("A", new(2021, 1, 21)), Dated("B", new(2023, 2, 1), new(2023, 12, 1))]);

        Assert.Equal([("A", new Period(new(2018, 5, 1), new(2023, 2, 1))), ("B", new Period(new(2023, 2, 1), new(2023, 12, 1)))], residences);
    }

    [Fact]
    public void Derive_OnlyEvents_LivesAtTheMostRecentEventsAddress()
    {
        // Events: A in 2020, B in 2021 and 2023, A (stale) never after; the latest is B, first seen at B in 2021.
        AddressObservation Event(string uprn, DateOnly day) => new(uprn, new Period(day, null), false, 0);
        var residences = ResidenceDerivation.Derive([Event("A", new(2020, 3, 3)), Event("B", new(2023, 6, 1)), Event("B", new(2021, 9, 9))]);

        Assert.Equal([("B", new Period(new(2021, 9, 9), null))], residences);
    }

    [Fact]
    public void Derive_EventsBesideDatedRecords_AreIgnored()
    {
        // A stale event address after a move must not move the person back.
        var residences = ResidenceDerivation.Derive([Dated("B", new(2022, 1, 1)), new AddressObservation("A", new Period(new(2023, 1, 1), null), false, 0)]);

        Assert.Equal([("B", new Period(new(2022, 1, 1), null))], residences);
    }

    [Fact]
    public void Derive_SameStartAtTwoAddresses_LaterOrderWinsWithoutAnEmptyResidence()
    {
        var residences = ResidenceDerivation.Derive([Dated("A", new(2022, 1, 1), order: 1), Dated("B", new(2022, 1, 1), order: 2)]);

        Assert.Equal([("B", new Period(new(2022, 1, 1), null))], residences);
    }
}
