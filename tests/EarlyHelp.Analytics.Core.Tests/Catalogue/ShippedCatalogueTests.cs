namespace EarlyHelp.Analytics.Core.Tests.Catalogue;

/// <summary>
/// What information governance signs off in the shipped catalogue, checked against the retention schedule and the
/// data-sharing terms written out here by hand (docs/datasets.md gives the reasoning).
/// </summary>
public sealed class ShippedCatalogueTests
{
    [Fact]
    public void ShippedCatalogue_IsTheOneInUseUnlessAFileIsNamed()
    {
        if (Environment.GetEnvironmentVariable(DatasetCatalogue.FileVariable) is { Length: > 0 })
            return; // a run with another catalogue named checks that one instead
        Assert.Equal(DatasetCatalogue.ShippedText(), DatasetCatalogue.Text);
        Assert.Equal(64, DatasetCatalogue.Fingerprint.Length);
    }

    [Fact]
    public void Retention_FinancialArrearsAndCrisisSupportThreeYears_NeetAndDwpAndNoticesFour_HealthEight()
    {
        string[] threeYears = ["housing.rent_arrears", "revenues.council_tax_arrears", "welfare.crisis_support"];
        string[] fourYears = ["careers.neet", "dwp.out_of_work_benefit", "housing.notice_seeking_possession"];
        foreach (var dataset in DatasetCatalogue.Sources)
        {
            var expected = threeYears.Contains(dataset.Code) ? 36 : fourYears.Contains(dataset.Code) ? 48 : dataset.Category == ProblemCategory.Health ? 96 : 72;
            Assert.True(expected == dataset.RetentionMonths, $"{dataset.Code}: {dataset.RetentionMonths} months, expected {expected}");
        }
    }

    [Fact]
    public void Refresh_OnlyDwpSendsChangesOnly()
    {
        Assert.Equal(["dwp.out_of_work_benefit"], DatasetCatalogue.All.Where(d => d.Refresh == ExtractRefresh.ChangesOnly).Select(d => d.Code));
    }

    [Fact]
    public void LawfulBasis_HealthDataUnderArticle9_OffenceDataUnderArticle10()
    {
        string[] offenceData = ["police.offence_suspect", "yjs.youth_offending", "police.domestic_abuse_incident", "marac.case", "police.protection_notice"];
        foreach (var dataset in DatasetCatalogue.All)
        {
            Assert.StartsWith("6(1)(e)", dataset.LawfulBasis.Article6, StringComparison.Ordinal);
            Assert.True((dataset.Agency == "NHS") == (dataset.LawfulBasis.Article9 is not null), $"{dataset.Code}: Article 9 '{dataset.LawfulBasis.Article9}'");
            Assert.True(offenceData.Contains(dataset.Code) == (dataset.LawfulBasis.Article10 is not null), $"{dataset.Code}: Article 10 '{dataset.LawfulBasis.Article10}'");
        }
    }

    [Fact]
    public void Coverage_HousingDatasetsCoverCouncilTenantsOnly_AndEveryDatasetStatesItsOwnerAndAgreement()
    {
        foreach (var dataset in DatasetCatalogue.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(dataset.Coverage));
            Assert.False(string.IsNullOrWhiteSpace(dataset.InformationAssetOwner));
            Assert.False(string.IsNullOrWhiteSpace(dataset.SharingAgreement));
        }
        Assert.All(DatasetCatalogue.All.Where(d => d.Code is "housing.asb_case" or "housing.rent_arrears" or "housing.notice_seeking_possession"),
            d => Assert.Equal("council tenants only", d.Coverage));
    }
}
