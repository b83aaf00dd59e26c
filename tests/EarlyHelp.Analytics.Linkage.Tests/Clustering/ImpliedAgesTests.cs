using EarlyHelp.Analytics.Linkage.Tests.Support;

namespace EarlyHelp.Analytics.Linkage.Tests.Clustering;

public sealed class ImpliedAgesTests
{
    private static readonly DateOnly CensusDay = new(2021, 1, 21);

    private static LinkageRecord Record(string source, string id, string? birth, BirthDateRange? implied) => new()
    {
        Source = source,
        RecordId = id,
        Forename = "Anna",
        Surname = "Ionescuvar",
        BirthDate = birth is null ? null : DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture),
        ImpliedBirthDates = implied,
        Postcode = "BS16 1QY",
        Address = "12 Kelwood Road",
    };

    private static int[] Link(params LinkageRecord[] records)
    {
        // The small city's records give the model its parameters; the hand-made records are appended.
        var all = SmallCity.City.Records.Concat(records).ToList();
        var entities = Linkage.Clustering.Cluster(all, PairScoring.Score(all, SmallCity.Model), SmallCity.Model, []);
        return entities[^records.Length..];
    }

    [Fact]
    public void ForAge_PupilOnACensusDay_AllowsBirthsFromTwentyOneYearsLessADayToTwoYearsBefore()
    {
        // Aged 2 to 20 on 2021-01-21: a 20-year-old turns 21 after that day, so was born after 2000-01-21; a 2-year-old
        // had their second birthday on or before it, so was born on or before 2019-01-21.
        var range = BirthDateRange.ForAge(CensusDay, 2, 20);
        Assert.Equal(new DateOnly(2000, 1, 22), range.Earliest);
        Assert.Equal(new DateOnly(2019, 1, 21), range.Latest);
    }

    [Fact]
    public void ForAge_AdultWithNoUpperAge_IsOpenAtTheEarlyEnd()
    {
        var range = BirthDateRange.ForAge(CensusDay, 16, null);
        Assert.Equal(DateOnly.MinValue, range.Earliest);
        Assert.Equal(new DateOnly(2005, 1, 21), range.Latest);
    }

    [Fact]
    public void ForAge_MaximumBelowMinimum_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => BirthDateRange.ForAge(CensusDay, 18, 16));
        Assert.StartsWith("The maximum age must be at least the minimum, 18.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Intersect_RangesThatDoNotMeet_IsNull()
    {
        var pupil = BirthDateRange.ForAge(CensusDay, 2, 20);
        var adultIn1990 = BirthDateRange.ForAge(new DateOnly(1990, 6, 1), 18, null);
        Assert.Null(pupil.Intersect(adultIn1990));
        Assert.Equal(new BirthDateRange(new DateOnly(2000, 1, 22), new DateOnly(2005, 1, 21)), pupil.Intersect(BirthDateRange.ForAge(CensusDay, 16, null)));
    }

    [Fact]
    public void Cluster_PupilAndAdultContactWithOneNameAndAddress_StayApart()
    {
        // A mother and daughter, both Anna Ionescuvar at one address: the daughter's census record has her date of birth
        // (2015), the mother's record as the school's contact none. Names and address agree, so without contexts they link.
        var pupil = Record("school", "P1", "2015-06-27", BirthDateRange.ForAge(CensusDay, 2, 20));
        var contact = Record("contacts", "C1", null, BirthDateRange.ForAge(CensusDay, 16, null));
        var withoutContexts = Link(pupil with { ImpliedBirthDates = null }, contact with { ImpliedBirthDates = null });
        Assert.Equal(withoutContexts[0], withoutContexts[1]);

        // The contact is 16 or over on 2021-01-21 (born by 2005-01-21); the pupil was born in 2015: two people.
        var entities = Link(pupil, contact);
        Assert.NotEqual(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_PupilWithoutBirthDateAndAnAdultOfAnEarlierYear_StayApart()
    {
        // Neither has a date of birth. A pupil aged 2-20 in 2021 was born after 2000-01-21; a claimant who was an adult in
        // 1995 was born by 1977-06-01: the ranges cannot meet.
        var entities = Link(
            Record("school", "P2", null, BirthDateRange.ForAge(CensusDay, 2, 20)),
            Record("benefits", "B2", null, BirthDateRange.ForAge(new DateOnly(1995, 6, 1), 18, null)));
        Assert.NotEqual(entities[0], entities[1]);
    }

    [Fact]
    public void Cluster_TwoDatesOfBirthOneTypoApartInsideTheirRanges_StillLink()
    {
        // Two dates inside their ranges, one day typed differently: the date comparison's "one part differs", not a conflict
        // of ages (the guard leaves two dates of birth to the date rules).
        var entities = Link(
            Record("school", "P3", "2015-06-27", BirthDateRange.ForAge(CensusDay, 2, 20)),
            Record("health", "H3", "2015-06-21", null));
        Assert.Equal(entities[0], entities[1]);
    }
}
