using EarlyHelp.Analytics.Hub.DataQuality;

namespace EarlyHelp.Analytics.Hub.Tests.DataQuality;

public sealed class DatasetMentionTests
{
    private static readonly CatalogueDataset[] Catalogue =
    [
        new("police.asb_incident", "Anti-social behaviour incident", "Police"),
        new("housing.asb_case", "Tenancy anti-social behaviour case", "Housing"),
        new("school.suspension", "Suspension from school", "Schools"),
    ];

    [Theory]
    [InlineData("POLICE.ASB_INCIDENT is another family's", "police.asb_incident")]
    [InlineData("the suspension from school in May was cancelled", "school.suspension")]
    [InlineData("the tenancy anti-social behaviour case is closed", "housing.asb_case")]
    public void Find_OneDatasetNamed_ReturnsIt(string text, string expected)
    {
        Assert.Equal(expected, DatasetMention.Find(text, Catalogue)?.Code);
    }

    [Theory]
    [InlineData("the family moved away")]
    [InlineData("police.asb_incident and school.suspension are both wrong")]
    public void Find_NoneOrSeveralNamed_ReturnsNull(string text)
    {
        Assert.Null(DatasetMention.Find(text, Catalogue));
    }
}
