using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Core.Tests;

public sealed class DatasetCatalogueTests
{
    [Fact]
    public void Sources_CoverEveryHeadlineProblem_WithAtLeast24Datasets()
    {
        Assert.True(DatasetCatalogue.Sources.Count >= 24, $"only {DatasetCatalogue.Sources.Count} source datasets");
        foreach (var category in ProblemCategories.Headline)
            Assert.Contains(DatasetCatalogue.Sources, d => d.Category == category);
        Assert.DoesNotContain(DatasetCatalogue.Sources, d => d.Category == ProblemCategory.StatutoryCare);
    }

    [Fact]
    public void Outcomes_AreTheThreeStatutoryEscalations()
    {
        Assert.Equal(
            [DatasetCatalogue.ChildInNeedPlan, DatasetCatalogue.ChildProtectionPlan, DatasetCatalogue.LookedAfter],
            DatasetCatalogue.Outcomes.Select(d => d.Code).ToArray());
        Assert.All(DatasetCatalogue.Outcomes, d => Assert.Equal(ProblemCategory.StatutoryCare, d.Category));
    }

    [Fact]
    public void CodesAndFileNames_AreUnique()
    {
        Assert.Equal(DatasetCatalogue.All.Count, DatasetCatalogue.All.Select(d => d.Code).Distinct().Count());
        Assert.Equal(DatasetCatalogue.All.Count, DatasetCatalogue.All.Select(d => d.Layout.FileName).Distinct().Count());
        var registerNames = RegisterFiles.All.Select(r => r.FileName);
        Assert.Empty(registerNames.Intersect(DatasetCatalogue.All.Select(d => d.Layout.FileName)));
    }

    [Fact]
    public void Layout_ColumnsWithinOneExtract_AreUnique()
    {
        foreach (var dataset in DatasetCatalogue.All)
            Assert.Equal(dataset.Layout.Columns.Count, dataset.Layout.Columns.Distinct().Count());
    }

    [Fact]
    public void Layout_ValueColumnAndMeaning_GoTogether()
    {
        foreach (var dataset in DatasetCatalogue.All.Where(d => d.ValueMeaning is not null))
            Assert.NotNull(dataset.Layout.ValueColumn);
    }

    [Theory]
    // Each agency's own way of writing 12 February 2024.
    [InlineData("health.adult_mental_health", "12-Feb-2024")]
    [InlineData("dwp.out_of_work_benefit", "20240212")]
    [InlineData("police.asb_incident", "12/02/2024")]
    [InlineData("careers.neet", "12-02-2024")]
    [InlineData("school.suspension", "2024-02-12")]
    public void DateFormat_ReadsTheAgencysOwnWriting(string code, string written)
    {
        var format = DatasetCatalogue.Get(code).Layout.DateFormat;
        Assert.Equal(new DateOnly(2024, 2, 12), DateOnly.ParseExact(written, format, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryGet_UnknownCode_ReturnsFalse() => Assert.False(DatasetCatalogue.TryGet("police.unknown", out _));
}
