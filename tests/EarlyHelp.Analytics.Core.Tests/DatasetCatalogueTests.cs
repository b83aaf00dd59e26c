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
        var councilNames = CouncilFiles.All.Select(c => c.FileName).ToList();
        Assert.Equal(councilNames.Count, councilNames.Distinct().Count());
        Assert.Empty(councilNames.Intersect(DatasetCatalogue.All.Select(d => d.Layout.FileName).Concat(registerNames)));
    }

    [Fact]
    public void CouncilFiles_ColumnsAreUniqueAndNameEveryDeclaredColumn()
    {
        foreach (var layout in CouncilFiles.All)
        {
            Assert.Equal(layout.Columns.Count, layout.Columns.Distinct().Count());
            var declared = new[] { layout.RecordIdColumn, layout.RelationshipColumn, layout.StartDateColumn, layout.EndDateColumn, layout.RecordDateColumn }
                .Concat(layout.People.SelectMany(p => new[] { p.PersonRef, p.Forename, p.Surname, p.BirthDate, p.Sex, p.Address, p.Postcode, p.Uprn, p.NhsNumber }))
                .OfType<string>();
            Assert.All(declared, column => Assert.Contains(column, layout.Columns));
        }
    }

    [Fact]
    public void Layout_NhsNumberOnlyInNhsExtractsAndUprnOnlyInHousingAndCouncilTax()
    {
        // The rule: UPRN only where the agency holds one (housing, council tax); NHS number in health extracts only.
        foreach (var dataset in DatasetCatalogue.All)
        {
            Assert.Equal(dataset.Agency == AgencyStyle.Health.Agency, dataset.Layout.Identity.NhsNumber is not null);
            Assert.Equal(dataset.Agency == AgencyStyle.Housing.Agency || dataset.Agency == AgencyStyle.Revenues.Agency, dataset.Layout.Identity.Uprn is not null);
        }
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
