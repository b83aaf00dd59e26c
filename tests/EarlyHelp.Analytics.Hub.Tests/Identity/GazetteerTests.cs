using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Hub.Tests.Identity;

/// <summary>Agency addresses as typed find their gazetteer UPRN; ambiguous or wrong-numbered ones find none.</summary>
public sealed class GazetteerTests
{
    private static readonly Gazetteer City = new(
    [
        new("100", "12 High Street", "BS1 6QE", "E01", 3),
        new("101", "14 High Street", "BS1 6QE", "E01", 3),
        new("102", "Flat 2, 14 High Street", "BS1 6QE", "E01", 3),
        new("200", "3 Mill Lane", "BS5 9AA", "E02", 7),
    ]);

    [Theory]
    [InlineData("bs16qe", "BS1 6QE")]
    [InlineData(" BS1  6QE ", "BS1 6QE")]
    [InlineData("bs5-9aa", "BS5 9AA")]
    [InlineData("ZZ", null)]
    [InlineData("", null)]
    public void Normalise_TypedPostcode_OneSpaceBeforeInwardCode(string typed, string? expected)
    {
        Assert.Equal(expected, Postcodes.Normalise(typed));
    }

    [Fact]
    public void SectorAndDistrict_NormalisedPostcode_CoarserLevels()
    {
        Assert.Equal("BS1 6", Postcodes.Sector("BS1 6QE"));
        Assert.Equal("BS1", Postcodes.District("BS1 6QE"));
    }

    [Theory]
    // Abbreviated street type and lower case, same postcode typed without a space.
    [InlineData(null, "12 high st", "bs16qe", "100")]
    // The flat is a different property from the house it is in.
    [InlineData(null, "Flat 2 14 High St.", "BS1 6QE", "102")]
    [InlineData(null, "14 High Street", "BS1 6QE", "101")]
    // A stale or mistyped postcode: the exact address text is unique in the gazetteer.
    [InlineData(null, "3 Mill Ln", "BS9 9ZZ", "200")]
    [InlineData(null, "3 Mill Lane", null, "200")]
    // The agency's own UPRN wins when the gazetteer has it.
    [InlineData("200", "12 High Street", "BS1 6QE", "200")]
    // A house number the postcode does not have matches nothing.
    [InlineData(null, "16 High Street", "BS1 6QE", null)]
    [InlineData(null, "", "BS1 6QE", null)]
    public void Match_TypedAddress_FindsItsUprn(string? uprn, string address, string? postcode, string? expected)
    {
        Assert.Equal(expected, City.Match(uprn, address, postcode));
    }
}
