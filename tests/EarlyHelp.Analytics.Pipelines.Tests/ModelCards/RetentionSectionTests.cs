using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Pipelines.ModelCards;

namespace EarlyHelp.Analytics.Pipelines.Tests.ModelCards;

public sealed class RetentionSectionTests
{
    [Fact]
    public void RetentionSection_Catalogue_StatesThePeriodsAndTheExtractTheModelWasTrainedFrom()
    {
        var section = ModelCard.RetentionSection(new DateOnly(2025, 1, 31), DatasetCatalogue.All);

        var items = Assert.IsType<CardBlock.Bullets>(Assert.Single(section.Blocks)).Items;
        Assert.Equal("Retention and this model", section.Title);
        // The catalogue's source periods run from 36 months (arrears, crisis support) to 96, counted by hand from DatasetCatalogue;
        // the three statutory outcomes keep 900 months each (docs/lifecycle.md, "Retention that deletes").
        Assert.StartsWith("Each record is kept for its dataset's retention period (36 to 96 months for agency records, 900 for statutory outcomes)", items[0], StringComparison.Ordinal);
        Assert.Contains("the extract of 2025-01-31", items[1], StringComparison.Ordinal);
        Assert.Contains("training_data.json", items[2], StringComparison.Ordinal);
    }
}
