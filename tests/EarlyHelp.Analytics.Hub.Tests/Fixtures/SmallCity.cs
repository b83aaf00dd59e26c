namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// A valid extract of eight people in three households, with records from agencies that use each
/// date format (police dd/MM/yyyy, DWP yyyyMMdd, NHS dd-MMM-yyyy, careers dd-MM-yyyy, ISO).
/// </summary>
public static class SmallCity
{
    /// <summary>The extract date.</summary>
    public static DateOnly ExtractDate { get; } = new(2024, 3, 31);

    /// <summary>Event rows in the folder (one of them older than its dataset's retention).</summary>
    public const int EventRows = 10;

    /// <summary>Event rows dropped by retention: the NEET record of 2019-03-01 (careers keeps 48 months, so from 2020-03-31).</summary>
    public const int DroppedByRetention = 1;

    /// <summary>The builder with every row, so that a test can add to it.</summary>
    public static ExtractBuilder Builder() => new ExtractBuilder(ExtractDate)
        .Household(1, imdDecile: 1, tenure: "social_rent")
        .Household(2, imdDecile: 10, tenure: "owner")
        .Household(3, imdDecile: 5, tenure: "private_rent")
        .Person(1, "1985-04").Person(2, "1987-09", sex: "M").Person(3, "2012-06").Person(4, "2016-02", ethnicity: "mixed")
        .Person(5, "1970-01", disability: "Y").Person(6, "2008-11", sex: "M").Person(7, "1950-03", deathMonth: "2023-05").Person(8, "1999-12")
        .Residence(1, 1, new(2015, 1, 1)).Residence(2, 1, new(2015, 1, 1)).Residence(3, 1, new(2015, 1, 1)).Residence(4, 1, new(2016, 2, 1))
        .Residence(5, 2, new(2005, 6, 1)).Residence(6, 2, new(2008, 11, 1))
        .Residence(7, 3, new(2000, 1, 1), new(2023, 5, 20))
        .Residence(8, 2, new(2010, 1, 1), new(2022, 6, 30)).Residence(8, 3, new(2022, 7, 1))
        .Family(100).Family(200)
        .Member(100, 1, "parent", new(2012, 6, 1)).Member(100, 2, "parent", new(2012, 6, 1))
        .Member(100, 3, "child", new(2012, 6, 1)).Member(100, 4, "child", new(2016, 2, 1))
        .Member(200, 5, "parent", new(2008, 11, 1)).Member(200, 6, "child", new(2008, 11, 1))
        .Event("police.asb_incident", "ASB-1", 1, new(2023, 6, 15))
        .Event("police.asb_incident", "ASB-2", 8, new(2024, 1, 2))
        .Event("dwp.out_of_work_benefit", "CLM-1", 1, new(2022, 1, 10))
        .Event("dwp.out_of_work_benefit", "CLM-2", 8, new(2023, 2, 1), new(2023, 9, 30))
        .Event("health.ae_attendance", "AE-1", 2, new(2023, 11, 12))
        .Event("careers.neet", "NEET-1", 8, new(2019, 3, 1), new(2019, 9, 1))
        .Event("school.persistent_absence", "PA-1", 3, new(2023, 9, 1), new(2023, 12, 20), 14.5)
        .Event("school.persistent_absence", "PA-2", 6, new(2024, 1, 8), null, 11.25)
        .Event("csc.cp_plan", "CP-1", 4, new(2023, 10, 1))
        .Event("police.domestic_abuse_incident", "DA-1", 2, new(2023, 8, 19));

    /// <summary>Writes the extract into a new folder under <paramref name="parent"/>.</summary>
    public static ExtractFolder WriteTo(string parent) => Builder().WriteTo(parent);
}
