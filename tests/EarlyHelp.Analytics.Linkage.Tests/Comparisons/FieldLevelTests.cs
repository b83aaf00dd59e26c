namespace EarlyHelp.Analytics.Linkage.Tests.Comparisons;

public sealed class FieldLevelTests
{
    [Theory]
    // Levels: 0 exact, 1 day and month transposed, 2 one component differs, 3 same year only, 4 else (by hand).
    [InlineData(19850307, 19850307, 0)]
    [InlineData(19850307, 19850703, 1)]
    [InlineData(19850307, 19850308, 2)]
    [InlineData(19850307, 19580307, 2)]
    [InlineData(19850307, 19851122, 3)]
    [InlineData(19850307, 20110622, 4)]
    [InlineData(-1, 20110622, -1)]
    public void Compare_BirthDates_GivesExpectedLevel(int left, int right, int level) =>
        Assert.Equal(level, BirthDateComparison.Compare(left, right));

    [Fact]
    public void Encode_PlaceholderBirthDate_IsMissing() =>
        // 01/01/1900 is the usual "unknown" date in case-management systems: treated as missing.
        Assert.Equal(-1, BirthDates.Encode(new DateOnly(1900, 1, 1)));

    [Theory]
    // US National Archives' Soundex examples: Robert and Rupert R163, Ashcraft A261 (H does not separate S and C),
    // Tymczak T522, Pfister P236 (F coded as P, the first letter). Packed as letter number * 1000 + digits.
    [InlineData("ROBERT", 18163)]
    [InlineData("RUPERT", 18163)]
    [InlineData("ASHCRAFT", 1261)]
    [InlineData("TYMCZAK", 20522)]
    [InlineData("PFISTER", 16236)]
    public void Encode_NationalArchivesExamples_GivesPublishedCode(string name, int code) =>
        Assert.Equal(code, Soundex.Encode(name));

    [Theory]
    [InlineData("BS16 1QY", "BS161QY", "BS16 1", "BS16")]
    [InlineData("w1a 1aa", "W1A1AA", "W1A 1", "W1A")]
    [InlineData("4223", "4223", null, "422")]
    public void Parse_Postcodes_SplitsUnitSectorDistrict(string raw, string unit, string? sector, string district)
    {
        var parts = PostcodeParts.Parse(raw)!.Value;
        Assert.Equal((unit, sector, district), (parts.Unit, parts.Sector, parts.District));
    }

    [Theory]
    [InlineData("MOHAMMED", "MUHAMMAD", true)]
    [InlineData("MOHAMED", "MOHAMMAD", true)]
    [InlineData("ELIZABETH", "LIZ", true)]
    [InlineData("ROBERT", "BOB", true)]
    [InlineData("ROBERT", "RICHARD", false)]
    public void ShareGroup_NamePairs_KnowsVariants(string left, string right, bool expected) =>
        Assert.Equal(expected, NameVariants.ShareGroup(NameVariants.GroupsOf(left), NameVariants.GroupsOf(right)));

    [Theory]
    [InlineData("SMITH", "SMIHT", true)]
    [InlineData("SMITH", "SMITHS", true)]
    [InlineData("SMITH", "SMYTHE", false)]
    [InlineData("SMITH", "SMITH", false)]
    public void IsOneEdit_Pairs_CountsOneKeyingError(string left, string right, bool expected) =>
        Assert.Equal(expected, EditDistance.IsOneEdit(left, right));
}
