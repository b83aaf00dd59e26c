using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

public sealed class DuplicateIdentitiesTests
{
    private static LinkageRecord Record(string id, string? reference, DateOnly? birth) => new()
    {
        Source = "CT", RecordId = id, SourceEntityRef = reference, Forename = "Amy", Surname = "Okafor", BirthDate = birth,
        Postcode = "BS3 4TT", Address = "7 Elm Close",
    };

    [Fact]
    public void Collapse_CopiesWithOneReference_LinkOnce()
    {
        // Rows 0 and 1: same source, reference and fields, one identity of two copies. Row 2: no reference and no
        // date of birth, kept on its own (a bare name never collapses). Row 3: the same as 0 but named in a decision.
        var records = new[]
        {
            Record("1", "CT01", null), Record("2", "CT01", null), Record("3", null, null), Record("4", "CT01", null),
        };
        var identities = DuplicateIdentities.Collapse(records, new HashSet<(string, string)> { ("CT", "4") });

        Assert.Equal([0, 0, 1, 2], identities.Representative);
        Assert.Equal([2, 1, 1], identities.Copies);
        Assert.Equal([0, 2, 3], identities.First);
    }

    [Fact]
    public void Collapse_NoReferenceButFullNameAndBirthDate_Collapses()
    {
        // Without a reference, forename, surname and date of birth all present: the two rows are one identity.
        var birth = new DateOnly(2014, 5, 9);
        var identities = DuplicateIdentities.Collapse([Record("1", null, birth), Record("2", null, birth)], new HashSet<(string, string)>());

        Assert.Single(identities.Distinct);
        Assert.Equal([2], identities.Copies);
    }

    [Fact]
    public void Collapse_CopiesOnSeveralDates_KeepTheDatesOfBirthAllAllow()
    {
        // One pupil's census copies of 2021 and 2023, each aged 2 to 20: born 2000-01-22 to 2019-01-21, and 2002-01-20
        // to 2021-01-19 (by BirthDateRange.ForAge); the person was born in both, 2002-01-20 to 2019-01-21.
        var first = Record("1", "ED01", null) with { ImpliedBirthDates = BirthDateRange.ForAge(new DateOnly(2021, 1, 21), 2, 20) };
        var second = Record("2", "ED01", null) with { ImpliedBirthDates = BirthDateRange.ForAge(new DateOnly(2023, 1, 19), 2, 20) };

        var identities = DuplicateIdentities.Collapse([first, second], new HashSet<(string, string)>());

        Assert.Equal(new BirthDateRange(new DateOnly(2002, 1, 20), new DateOnly(2019, 1, 21)), Assert.Single(identities.Distinct).ImpliedBirthDates);
    }
}
