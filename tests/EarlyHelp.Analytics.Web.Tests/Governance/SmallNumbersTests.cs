using EarlyHelp.Analytics.Web.Pages.Governance;

namespace EarlyHelp.Analytics.Web.Tests.Governance;

public sealed class SmallNumbersTests
{
    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "fewer than 5")]
    [InlineData(4, "fewer than 5")]
    [InlineData(5, "5")]
    [InlineData(1234, "1,234")]
    public void Cell_Count_ShownOrHidden(int count, string expected) => Assert.Equal(expected, SmallNumbers.Cell(count));

    [Fact]
    public void Row_OneSmallCell_NextSmallestShownCellWithheld()
    {
        // The row's total, 3 + 7 + 0 + 12 = 22, is shown beside it: hiding only the 3 would let 22 - 7 - 12 give it back,
        // so the 7 (the smallest count still shown) is withheld too; the 0 and the 12 stay.
        Assert.Equal(["fewer than 5", "not shown", "0", "12"], SmallNumbers.Row([3, 7, 0, 12]));
    }

    [Fact]
    public void Row_TwoSmallCells_NothingMoreWithheld()
    {
        // 2 + 3 = 5 can be worked out from the total, but not how it splits between the two.
        Assert.Equal(["fewer than 5", "fewer than 5", "9"], SmallNumbers.Row([2, 3, 9]));
    }

    [Fact]
    public void Row_NoSmallCell_AllShown() => Assert.Equal(["0", "5", "6"], SmallNumbers.Row([0, 5, 6]));
}
