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
    public void Coverage_TenancyDatasetsCoverCouncilTenants_AgesFollowEachServicesRemit_EveryDatasetStatesItsOwnerAndAgreement()
    {
        // The remit of each service in whole years: schools reception to year 11, health visiting under 5, youth justice
        // from the age of criminal responsibility to 17, careers' NEET tracking 16 to 24, children's services under 18.
        var ages = new Dictionary<string, (int, int)>
        {
            ["school.persistent_absence"] = (4, 16), ["health.health_visitor_concern"] = (0, 4), ["yjs.youth_offending"] = (10, 17),
            ["careers.neet"] = (16, 24), ["csc.referral"] = (0, 17), ["csc.looked_after"] = (0, 17), ["housing.rent_arrears"] = (18, 120),
            ["police.asb_incident"] = (0, 120),
        };
        foreach (var (code, (youngest, oldest)) in ages)
            Assert.Equal((youngest, oldest), (DatasetCatalogue.Get(code).Coverage.YoungestAge, DatasetCatalogue.Get(code).Coverage.OldestAge));
        foreach (var dataset in DatasetCatalogue.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(dataset.Coverage.Statement));
            Assert.False(string.IsNullOrWhiteSpace(dataset.InformationAssetOwner));
            Assert.False(string.IsNullOrWhiteSpace(dataset.SharingAgreement));
        }
        Assert.All(DatasetCatalogue.All.Where(d => d.Code is "housing.asb_case" or "housing.rent_arrears" or "housing.notice_seeking_possession"),
            d => Assert.StartsWith("council tenants aged", d.Coverage.Statement, StringComparison.Ordinal));
    }
}
