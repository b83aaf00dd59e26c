using System.Text.Json.Nodes;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;

namespace EarlyHelp.Analytics.Hub.Tests.Ingest;

/// <summary>
/// Each kind of bad input is refused with its exact <c>file:line:column: reason</c>, and the hub is left
/// exactly as it was (same fingerprint) although rows of earlier files had already been written.
/// </summary>
public abstract class IngestFaultTests<TFixture> : HubStoreTests<TFixture> where TFixture : IHubStoreFixture, new()
{
    private readonly ExtractFolder folder;

    protected IngestFaultTests()
    {
        folder = SmallCity.WriteTo(Hub.Scratch);
    }

    [StoreFact]
    public void Run_BadDate_Refused()
    {
        // Line 2 is ASB-1; field 9 is IncidentDate (OccurrenceRef, PersonRef, six identity columns, then the date).
        folder.SetField("police_asb_incidents.csv", 2, 9, "31/02/2024");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:2:9: 'IncidentDate' is not a date in dd/MM/yyyy: '31/02/2024'");
    }

    [StoreFact]
    public void Run_BadDateInAFileWithWindowsLineEnds_ReportsThePhysicalLine()
    {
        folder.SetField("police_asb_incidents.csv", 3, 9, "2024-01-02");
        var path = folder.File("police_asb_incidents.csv");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));
        folder.Resign();

        AssertRefusedLeavingHubUnchanged($"{path}:3:9: 'IncidentDate' is not a date in dd/MM/yyyy: '2024-01-02'");
    }

    [StoreFact]
    public void Run_DateInAnotherAgencysFormat_Refused()
    {
        // DWP writes yyyyMMdd; an ISO date is not that.
        folder.SetField("dwp_out_of_work_claims.csv", 3, 9, "2023-02-01");

        AssertRefusedLeavingHubUnchanged($"{folder.File("dwp_out_of_work_claims.csv")}:3:9: 'CLAIM_START' is not a date in yyyyMMdd: '2023-02-01'");
    }

    [StoreFact]
    public void Run_UnknownSex_Refused()
    {
        folder.SetField("police_asb_incidents.csv", 2, 6, "X");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:2:6: 'Sex' is not one of F, M: 'X'");
    }

    [StoreFact]
    public void Run_UnparseableDateOfBirth_Refused()
    {
        // A date of birth is an identity field the layout says is a date: missing is normal, unreadable is not.
        folder.SetField("police_asb_incidents.csv", 3, 5, "31/11/1999");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:3:5: 'DOB' is not a date in dd/MM/yyyy: '31/11/1999'");
    }

    [StoreFact]
    public void Run_UnknownEthnicGroup_Refused()
    {
        folder.SetField("school_census.csv", 2, 10, "martian");

        AssertRefusedLeavingHubUnchanged(
            $"{folder.File("school_census.csv")}:2:10: 'ethnicity' is not one of white_british, white_other, mixed, asian, black, other: 'martian'");
    }

    [StoreFact]
    public void Run_MissingRequiredField_Refused()
    {
        folder.SetField("dwp_out_of_work_claims.csv", 2, 1, "");

        AssertRefusedLeavingHubUnchanged($"{folder.File("dwp_out_of_work_claims.csv")}:2:1: 'CLAIM_ID' is required but empty");
    }

    [StoreFact]
    public void Run_WrongColumnCount_Refused()
    {
        // A&E rows have ten fields; dropping the last leaves nine, so field 10 is the first missing one.
        var line = folder.Lines("health_ae_attendances.csv")[1];
        folder.SetLine("health_ae_attendances.csv", 2, line[..line.LastIndexOf(',')]);

        AssertRefusedLeavingHubUnchanged($"{folder.File("health_ae_attendances.csv")}:2:10: expected 10 fields as in the header but found 9");
    }

    [StoreFact]
    public void Run_ExtraField_Refused()
    {
        folder.SetLine("school_census.csv", 3, folder.Lines("school_census.csv")[2] + ",x");

        AssertRefusedLeavingHubUnchanged($"{folder.File("school_census.csv")}:3:12: expected 11 fields as in the header but found 12");
    }

    [StoreFact]
    public void Run_UnknownDataset_Refused()
    {
        folder.SetManifestEntry("police_asb_incidents.csv", "dataset", "police.unknown");
        var (line, column) = Locate(File.ReadAllText(folder.Manifest), "\"police.unknown\"");

        AssertRefusedLeavingHubUnchanged(
            $"{folder.Manifest}:{line}:{column}: 'police_asb_incidents.csv' has dataset 'police.unknown', which is not in the dataset catalogue");
    }

    [StoreFact]
    public void Run_HashMismatch_Refused()
    {
        // Change a record reference: every row stays valid, so only the hash can tell.
        var listed = ExtractBuilder.Sha256(folder.File("police_asb_incidents.csv"));
        File.WriteAllText(folder.File("police_asb_incidents.csv"), File.ReadAllText(folder.File("police_asb_incidents.csv")).Replace("ASB-1", "ASB-9"));
        var actual = ExtractBuilder.Sha256(folder.File("police_asb_incidents.csv"));
        var (line, column) = Locate(File.ReadAllText(folder.Manifest), $"\"{listed}\"");

        AssertRefusedLeavingHubUnchanged($"{folder.Manifest}:{line}:{column}: 'police_asb_incidents.csv' has SHA-256 {actual} but the manifest says {listed}");
    }

    [StoreFact]
    public void Run_RowCountMismatch_Refused()
    {
        folder.SetManifestEntry("police_asb_incidents.csv", "rows", 3);
        var manifest = File.ReadAllText(folder.Manifest);
        var entry = manifest.IndexOf("\"police_asb_incidents.csv\"", StringComparison.Ordinal);
        var (line, column) = Locate(manifest, "3", manifest.IndexOf("\"rows\"", entry, StringComparison.Ordinal));

        AssertRefusedLeavingHubUnchanged($"{folder.Manifest}:{line}:{column}: 'police_asb_incidents.csv' has 2 rows but the manifest says 3");
    }

    [StoreFact]
    public void Run_CouncilFileDateInAnotherFormat_Refused()
    {
        folder.SetField("council_tax_occupants.csv", 2, 10, "2015-01-01");

        AssertRefusedLeavingHubUnchanged($"{folder.File("council_tax_occupants.csv")}:2:10: 'StartDate' is not a date in dd/MM/yyyy: '2015-01-01'");
    }

    [StoreFact]
    public void Run_OccupancyEndBeforeStart_Refused()
    {
        // Line 5 is Tom's occupancy of Mill Lane from 01/01/2018.
        folder.SetField("council_tax_occupants.csv", 5, 11, "31/12/2017");

        AssertRefusedLeavingHubUnchanged($"{folder.File("council_tax_occupants.csv")}:5:11: 'EndDate' 31/12/2017 is before 'StartDate' 01/01/2018");
    }

    [StoreFact]
    public void Run_EndBeforeStart_Refused()
    {
        folder.SetField("dwp_out_of_work_claims.csv", 3, 10, "20230131");

        AssertRefusedLeavingHubUnchanged($"{folder.File("dwp_out_of_work_claims.csv")}:3:10: 'CLAIM_END' 20230131 is before 'CLAIM_START' 20230201");
    }

    [StoreFact]
    public void Run_StartAfterExtractDate_Refused()
    {
        folder.SetField("police_domestic_abuse.csv", 2, 9, "01/04/2024");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_domestic_abuse.csv")}:2:9: 'IncidentDate' 01/04/2024 is after the extract date 2024-03-31");
    }

    [StoreFact]
    public void Run_NotANumber_Refused()
    {
        folder.SetField("school_persistent_absence.csv", 2, 11, "14.5%");

        AssertRefusedLeavingHubUnchanged($"{folder.File("school_persistent_absence.csv")}:2:11: 'percent_missed' is not a number: '14.5%'");
    }

    [StoreFact]
    public void Run_CensusDayAfterExtractDate_Refused()
    {
        folder.SetField("school_census.csv", 2, 8, "2024-04-01");

        AssertRefusedLeavingHubUnchanged($"{folder.File("school_census.csv")}:2:8: 'census_date' 2024-04-01 is after the extract date 2024-03-31");
    }

    [StoreFact]
    public void Run_DecileOutOfRange_Refused()
    {
        folder.SetField("gazetteer.csv", 2, 5, "11");

        AssertRefusedLeavingHubUnchanged($"{folder.File("gazetteer.csv")}:2:5: 'imd_decile' is not a whole number from 1 to 10: '11'");
    }

    [StoreFact]
    public void Run_StrayQuote_Refused()
    {
        folder.SetField("police_asb_incidents.csv", 2, 3, "Fore\"name1");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:2:3: malformed CSV: a quote inside an unquoted field");
    }

    [StoreFact]
    public void Run_RecordLongerThanAMebibyte_Refused()
    {
        folder.SetField("police_asb_incidents.csv", 3, 3, new string('x', 2 << 20));

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:3:1: malformed CSV: a record longer than 1024 KiB, or unreadable text");
    }

    [StoreFact]
    public void Run_MissingHeaderColumn_Refused()
    {
        folder.SetField("police_asb_incidents.csv", 1, 9, "Date");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_asb_incidents.csv")}:1:9: the header has no column 'IncidentDate'");
    }

    [StoreFact]
    public void Run_UnlistedFile_Refused()
    {
        File.WriteAllText(folder.File("extra.csv"), "a,b\n1,2\n");

        AssertRefusedLeavingHubUnchanged($"{folder.File("extra.csv")}: the file is not listed in manifest.json");
    }

    [StoreFact]
    public void Run_ListedFileMissing_Refused()
    {
        File.Delete(folder.File("careers_neet.csv"));
        var (line, column) = Locate(File.ReadAllText(folder.Manifest), "\"careers_neet.csv\"");

        AssertRefusedLeavingHubUnchanged($"{folder.Manifest}:{line}:{column}: 'careers_neet.csv' is listed but not in the folder");
    }

    [StoreFact]
    public void Run_NoManifest_Refused()
    {
        File.Delete(folder.Manifest);

        AssertRefusedLeavingHubUnchanged($"{folder.Manifest}: the extract folder has no manifest: list its files in one, or give the date they were exported (--extract-date) and the hub counts and checksums them itself");
    }

    [StoreFact]
    public void Run_FaultAfterAnEarlierLoad_KeepsTheEarlierLoadExactly()
    {
        using (var store = Hub.Open())
            ExtractIngest.Run(store, new ExtractBuilder(new DateOnly(2024, 2, 29)).Address(SmallCity.Acacia, "12 Acacia Road", "BS1 6QE")
                .Occupant("OCC-1", SmallCity.Sarah, SmallCity.Acacia, new(2015, 1, 1)).WriteTo(Hub.Scratch).Path, "tester");
        folder.SetField("police_domestic_abuse.csv", 2, 9, "32/08/2023");

        AssertRefusedLeavingHubUnchanged($"{folder.File("police_domestic_abuse.csv")}:2:9: 'IncidentDate' is not a date in dd/MM/yyyy: '32/08/2023'");
    }

    private void AssertRefusedLeavingHubUnchanged(string expectedMessage)
    {
        using (Hub.Open())
        {
        }
        var before = Hub.Fingerprint();

        BadInputException error;
        using (var store = Hub.Open())
            error = Assert.Throws<BadInputException>(() => ExtractIngest.Run(store, folder.Path, "tester"));

        Assert.Equal(expectedMessage, error.Message);
        Assert.Equal(before, Hub.Fingerprint());
    }

    /// <summary>Line and column (from 1) of the first <paramref name="value"/> at or after <paramref name="from"/>.</summary>
    private static (int Line, int Column) Locate(string text, string value, int from = 0)
    {
        var offset = text.IndexOf(value, from, StringComparison.Ordinal);
        var line = text[..offset].Count(c => c == '\n') + 1;
        return (line, offset - (text.LastIndexOf('\n', offset) + 1) + 1);
    }
}

public sealed class SqliteIngestFaultTests : IngestFaultTests<SqliteHubFixture>;

public sealed class PostgresIngestFaultTests : IngestFaultTests<PostgresHubFixture>;
