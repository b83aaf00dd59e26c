using EarlyHelp.Analytics.Core.Catalogue;

namespace EarlyHelp.Analytics.Core.Tests.Catalogue;

/// <summary>
/// The catalogue file: a valid one gives the datasets it says, and each kind of mistake is refused with the line and
/// column counted by hand from <see cref="MinimalCatalogue"/>.
/// </summary>
public sealed class CatalogueReaderTests
{
    private const string File = "datasets.yaml";

    [Fact]
    public void Read_MinimalCatalogue_GivesItsDatasetsWithTheirSystemsConventions()
    {
        var datasets = CatalogueReader.Read(MinimalCatalogue.Text, File);

        Assert.Equal(["earlyhelp.assessment", "csc.cin_plan", "csc.cp_plan", "csc.looked_after"], datasets.Select(d => d.Code));
        var first = datasets[0];
        Assert.Equal("Children's services", first.Agency);
        Assert.Equal("yyyy-MM-dd", first.Layout.DateFormat);
        Assert.Equal(["ref", "person", "fn", "sn", "dob", "pc", "start"], first.Layout.Columns);
        Assert.Equal("Director of Children's Services", first.InformationAssetOwner);
        Assert.Equal("6(1)(e) public task", first.LawfulBasis.Article6);
        Assert.Null(first.LawfulBasis.Article9);
        Assert.Equal(ExtractRefresh.FullRefresh, first.Refresh);
        Assert.Equal(72, first.RetentionMonths);
    }

    [Fact]
    public void Read_AnAddedDataset_IsReadWithoutAnyChangeToTheProgram()
    {
        string[] added =
        [
            "  - code: police.knife_crime",
            "    name: Knife crime incident",
            "    system: case",
            "    category: crime_asb",
            "    kind: issue",
            "    file: knife.csv",
            "    start_date: start",
            "    retention_months: 36",
            "    refresh: changes_only",
            "    coverage: incidents in the area",
            "    lawful_basis: { article_6: 6(1)(e) public task, article_10: DPA 2018 Schedule 1 paragraph 18 }",
        ];
        var datasets = CatalogueReader.Read(MinimalCatalogue.Inserting(23, added), File);

        var knife = Assert.Single(datasets, d => d.Code == "police.knife_crime");
        Assert.Equal(DatasetKind.Issue, knife.Kind);
        Assert.Equal(ProblemCategory.CrimeAsb, knife.Category);
        Assert.Equal(36, knife.RetentionMonths);
        Assert.Equal(ExtractRefresh.ChangesOnly, knife.Refresh);
        Assert.Equal("DPA 2018 Schedule 1 paragraph 18", knife.LawfulBasis.Article10);
        Assert.Equal("knife.csv", knife.Layout.FileName);
    }

    [Theory]
    // A misspelt key inserted as line 13, inside the first dataset, at column 5.
    [InlineData("insert13:    colour: blue", 13, 5, "'colour' is not a field of dataset 'earlyhelp.assessment'")]
    // Line 16 is the first dataset's kind; its value starts at column 11 ("    kind: " is ten characters).
    [InlineData("replace16:    kind: servise", 16, 11, "'kind' of dataset 'earlyhelp.assessment' must be one of issue, service, outcome, not 'servise'")]
    // Line 19, the first dataset's retention: "    retention_months: " is 22 characters.
    [InlineData("replace19:    retention_months: six years", 19, 23, "must be a whole number from 1 to 1200, not 'six years'")]
    // Line 5, the system's date format: "    date_format: " is 17 characters; minutes are not a part of a date.
    [InlineData("replace5:    date_format: yyyy-MM-mm", 5, 18, "'yyyy-MM-mm' is not a date format that can read back the dates it writes")]
    // Line 22 dropped (the first dataset's lawful basis): the fault sits where that dataset's mapping starts, line 12 column 5.
    [InlineData("replace22:    # no lawful basis", 12, 5, "dataset 'earlyhelp.assessment' has no 'lawful_basis'")]
    // Line 14, the first dataset's system: "    system: " is 12 characters.
    [InlineData("replace14:    system: police", 14, 13, "system 'police' is not under 'systems' (case)")]
    // Line 23 starts the second dataset; giving it the first one's code makes the code repeat there (line 23, column 5).
    [InlineData("replace23:  - code: earlyhelp.assessment", 23, 5, "dataset code 'earlyhelp.assessment' is used twice")]
    // Line 1: "version: " is 9 characters.
    [InlineData("replace1:version: 2", 1, 10, "catalogue version 2 is not one this program reads (it reads version 1)")]
    // Line 27, the second dataset's kind: an outcome must be statutory care and only outcomes are; the fault is at its category, line 26 column 15.
    [InlineData("replace27:    kind: issue", 26, 15, "outcome datasets, and only they, have the category statutory_care")]
    // Inserted as line 22 of the first dataset: "    covered_ages: " is 18 characters.
    [InlineData("insert22:    covered_ages: 17 to 4", 22, 19, "'covered_ages' must read 'A to B' with whole years from 0 to 120, A no more than B, not '17 to 4'")]
    // Inserted as line 22: "    contact: { worker: w, " is 26 characters, so the unknown key starts at column 27.
    [InlineData("insert22:    contact: { worker: w, mobile: m }", 22, 27, "'mobile' is not a field of the contact columns of dataset 'earlyhelp.assessment'")]
    public void Read_AMistake_IsRefusedAtItsLineAndColumn(string change, int line, int column, string reason)
    {
        var (how, rest) = (change[..change.IndexOf(':', StringComparison.Ordinal)], change[(change.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        var text = how.StartsWith("insert", StringComparison.Ordinal)
            ? MinimalCatalogue.Inserting(int.Parse(how[6..], System.Globalization.CultureInfo.InvariantCulture), rest)
            : MinimalCatalogue.WithLine(int.Parse(how[7..], System.Globalization.CultureInfo.InvariantCulture), rest);

        var fault = Assert.Throws<BadInputException>(() => CatalogueReader.Read(text, File));

        Assert.Equal((File, line, column), (fault.File, fault.Line, fault.Column));
        Assert.Contains(reason, fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CoveredAgesAndContactColumns_AreReadIntoTheCoverageAndTheLayoutsLastColumns()
    {
        var text = MinimalCatalogue.Inserting(22, "    covered_ages: 0 to 17", "    contact: { worker: key_worker, phone: team_phone }");

        var first = CatalogueReader.Read(text, File)[0];

        Assert.Equal(new SourceCoverage("every child in the area", 0, 17), first.Coverage);
        Assert.Equal(["ref", "person", "fn", "sn", "dob", "pc", "start", "key_worker", "team_phone"], first.Layout.Columns);
        Assert.Equal((0, 120), (CatalogueReader.Read(MinimalCatalogue.Text, File)[0].Coverage.YoungestAge, CatalogueReader.OldestAge));
    }

    [Fact]
    public void Read_WithoutAnOutcomeThatDefinesEscalation_IsRefusedAtTheDatasetsList()
    {
        // Lines 45 to 55 are the looked-after dataset; the list starts at line 12, column 3 (its first "-").
        var text = string.Join('\n', MinimalCatalogue.Lines.Take(44)) + "\n";

        var fault = Assert.Throws<BadInputException>(() => CatalogueReader.Read(text, File));

        Assert.Equal((12, 3), (fault.Line, fault.Column));
        Assert.Contains("must hold the outcome dataset 'csc.looked_after'", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ASourceAfterTheOutcomes_IsRefusedWhereItStarts()
    {
        var text = MinimalCatalogue.Text + string.Join('\n', MinimalCatalogue.Dataset("police.knife_crime", "crime_asb", "issue", "knife.csv")) + "\n";

        var fault = Assert.Throws<BadInputException>(() => CatalogueReader.Read(text, File));

        Assert.Equal((56, 5), (fault.Line, fault.Column));
        Assert.Contains("comes after an outcome", fault.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BrokenYaml_IsRefusedAsNotValidYamlOnItsLine()
    {
        // An unclosed flow mapping on line 8: the parser stops at or after that line, never before it.
        var fault = Assert.Throws<BadInputException>(() => CatalogueReader.Read(MinimalCatalogue.WithLine(8, "    identity: { forename: fn, surname"), File));

        Assert.InRange(fault.Line, 8, 9);
        Assert.StartsWith("not valid YAML", fault.Reason, StringComparison.Ordinal);
    }
}
