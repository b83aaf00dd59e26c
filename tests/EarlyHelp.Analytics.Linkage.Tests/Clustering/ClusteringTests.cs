using EarlyHelp.Analytics.Linkage.Tests.Support;

namespace EarlyHelp.Analytics.Linkage.Tests.Clustering;

public sealed class ClusteringTests
{
    private static LinkageRecord Record(string source, string id, string forename, string surname, string? birth, string? entityRef = null) => new()
    {
        Source = source,
        RecordId = id,
        SourceEntityRef = entityRef,
        Forename = forename,
        Surname = surname,
        BirthDate = birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
        Postcode = "BS16 1QY",
        Address = "12 Kelwood Road",
    };

    private static int[] Link(List<LinkageRecord> records, IReadOnlyList<PairDecision>? decisions = null)
    {
        // The small city's records give the model its parameters; the hand-made records are appended.
        var all = SmallCity.City.Records.Concat(records).ToList();
        var pairs = PairScoring.Score(all, SmallCity.Model);
        var entities = Linkage.Clustering.Cluster(all, pairs, SmallCity.Model, decisions ?? []);
        return entities[^records.Count..];
    }

    [Fact]
    public void Cluster_TwinsAtOneAddress_StayApart()
    {
        // Twins: same surname, birth date, address; different forenames. A third record (no birth date) could chain them.
        var entities = Link([
            Record("school", "T1", "Oliver", "Quinfarley", "2014-05-02"),
            Record("school", "T2", "Harry", "Quinfarley", "2014-05-02"),
            Record("health", "T3", "Oliver", "Quinfarley", "2014-05-02"),
        ]);
        Assert.NotEqual(entities[0], entities[1]);
        Assert.Equal(entities[0], entities[2]);
    }

    [Fact]
    public void Cluster_ParentAndChildWithOneName_StayApart()
    {
        // A father and son with the same forename, surname and address, born 30 years apart, in two sources.
        var entities = Link([
            Record("police", "N1", "Robert", "Yateshurst", "1980-03-14"),
            Record("school", "N2", "Robert", "Yateshurst", "2010-09-01"),
            Record("health", "N3", "Bob", "Yateshurst", "1980-03-14"),
        ]);
        Assert.NotEqual(entities[0], entities[1]);
        Assert.Equal(entities[0], entities[2]);
    }

    [Fact]
    public void Cluster_ConflictingBirthDatesInOneSource_NeverJoinThroughAChain()
    {
        // Two records of one source with outright different birth dates, each close to a record without a date.
        var entities = Link([
            Record("police", "C1", "Amelia", "Northwood", "1990-02-11"),
            Record("police", "C2", "Amelia", "Northwood", "1994-08-23"),
            Record("housing", "C3", "Amelia", "Northwood", null),
        ]);
        Assert.NotEqual(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_ConflictingBirthDatesAcrossSources_StayApart()
    {
        // Same rare name and address in two sources, dates 1990-02-11 and 1994-08-23: year, month and day all
        // differ and are not transposed, so no keying error explains them (the "else" level): two people.
        var entities = Link([
            Record("police", "D1", "Amelia", "Quorndale", "1990-02-11"),
            Record("housing", "D2", "Amelia", "Quorndale", "1994-08-23"),
        ]);
        Assert.NotEqual(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_SameNamedSistersRegisteredApartByOneSource_StayApart()
    {
        // One school registered two girls of one name at one address, born months apart in one year, under two
        // references of its own; a health record with the elder's date could chain them.
        var entities = Link([
            Record("school", "S1", "Shabana", "Quarrendon", "2015-02-11", entityRef: "UPN-1"),
            Record("school", "S2", "Shabana", "Quarrendon", "2015-09-23", entityRef: "UPN-2"),
            Record("health", "S3", "Shabana", "Quarrendon", "2015-02-11"),
        ]);
        Assert.NotEqual(entities[0], entities[1]);
        Assert.Equal(entities[0], entities[2]);
    }

    [Fact]
    public void Cluster_DuplicateRegistrationWithOneDate_StillJoins()
    {
        // A source that registered one person twice gives the same date again: its two references do not keep them apart.
        var entities = Link([
            Record("school", "R1", "Shabana", "Quarrendon", "2015-02-11", entityRef: "UPN-1"),
            Record("school", "R2", "Shabana", "Quarrendon", "2015-02-11", entityRef: "UPN-2"),
        ]);
        Assert.Equal(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_NamesAloneAtAnotherAddress_DoNotLink()
    {
        // A rare name, no date of birth on one side, different postcode districts and addresses: only the names
        // agree, so the pair waits for review (RequireEvidenceBeyondNames); the same pair at one address links.
        var elsewhere = Record("council_tax", "E2", "Anna", "Ionescuvar", null) with { Postcode = "LS6 2AB", Address = "3 Moor Lane" };
        var entities = Link([Record("school", "E1", "Anna", "Ionescuvar", "2015-06-27"), elsewhere]);
        Assert.NotEqual(entities[0], entities[1]);

        var sameAddress = Link([Record("school", "E1", "Anna", "Ionescuvar", "2015-06-27"), Record("council_tax", "E2", "Anna", "Ionescuvar", null)]);
        Assert.Equal(sameAddress[0], sameAddress[1]);
    }

    [Fact]
    public void Cluster_DifferentDecision_OverridesAStrongLink()
    {
        var records = new List<LinkageRecord>
        {
            Record("police", "D1", "Grace", "Bernorton", "1988-06-30"),
            Record("housing", "D2", "Grace", "Bernorton", "1988-06-30"),
        };
        Assert.Equal(Link(records)[0], Link(records)[1]);
        var entities = Link(records, [new PairDecision("police", "D1", "housing", "D2", ClericalDecision.Different)]);
        Assert.NotEqual(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_SameDecision_JoinsRecordsTheModelKeepsApart()
    {
        // A surname change on marriage and a move: the model alone cannot join these two.
        var records = new List<LinkageRecord>
        {
            Record("police", "S1", "Freya", "Marleyford", "1979-01-17"),
            Record("housing", "S2", "Freya", "Upwoodson", "1979-01-17") with { Postcode = "BS3 4PT", Address = "7 Pen Close" },
        };
        Assert.NotEqual(Link(records)[0], Link(records)[1]);
        var entities = Link(records, [new PairDecision("police", "S1", "housing", "S2", ClericalDecision.Same)]);
        Assert.Equal(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_SameDecisionsChainingAcrossADifferentOne_LeaveTheDifferentPairApart()
    {
        // Three records the model keeps apart; an officer says A is B and B is C, and another that A is not C.
        // Applied in the order given, A joins B; joining C as well would put A with C, so that decision waits.
        var records = new List<LinkageRecord>
        {
            Record("police", "A", "Freya", "Marleyford", "1979-01-17"),
            Record("housing", "B", "Freya", "Upwoodson", "1979-01-17") with { Postcode = "BS3 4PT", Address = "7 Pen Close" },
            Record("health", "C", "Fay", "Upwoodson", "1979-07-01") with { Postcode = "BS5 9QQ", Address = "2 Lark Rise" },
        };
        var alone = Link(records);
        Assert.Equal(3, alone.Distinct().Count());
        var entities = Link(records,
        [
            new PairDecision("police", "A", "housing", "B", ClericalDecision.Same),
            new PairDecision("housing", "B", "health", "C", ClericalDecision.Same),
            new PairDecision("police", "A", "health", "C", ClericalDecision.Different),
        ]);
        Assert.Equal(entities[0], entities[1]);
        Assert.NotEqual(entities[0], entities[2]);
    }

    [Fact]
    public void Cluster_SyntheticCity_KeepsEveryTwinAndNamesakePairApart()
    {
        var city = SmallCity.City;
        var pairs = PairScoring.Score(city.Records, SmallCity.Model);
        var entities = Linkage.Clustering.Cluster(city.Records, pairs, SmallCity.Model, []);
        Assert.NotEmpty(city.TwinRecords);
        Assert.All(city.TwinRecords, p => Assert.NotEqual(entities[p.Item1], entities[p.Item2]));
        Assert.All(city.NamesakeRecords, p => Assert.NotEqual(entities[p.Item1], entities[p.Item2]));
    }
}
