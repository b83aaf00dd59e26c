namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>
/// A valid extract of eight people at three addresses, as the council's systems and agencies hold them:
/// no hub ids, each source with its own references, dates in each agency's format (police dd/MM/yyyy, DWP
/// yyyyMMdd, NHS dd-MMM-yyyy, careers dd-MM-yyyy, ISO). The truth: the Joneses (Sarah and David, parents of
/// Emily and Jack) at 12 Acacia Road; Linda Patel and her son Ravi at 3 Mill Lane, where Tom Baker also lived
/// until he moved to Flat 2, 14 High Street in July 2022; Arthur Green at that flat.
/// </summary>
public static class SmallCity
{
    /// <summary>The extract date.</summary>
    public static DateOnly ExtractDate { get; } = new(2024, 3, 31);

    /// <summary>UPRNs of the three addresses.</summary>
    public const string Acacia = "100000000001", Mill = "100000000002", HighStreet = "100000000003";

    /// <summary>Event rows in the folder (one of them older than its dataset's retention).</summary>
    public const int EventRows = 10;

    /// <summary>Event rows dropped by retention: the NEET record of 2019-03-01 (careers keeps 48 months, so from 2020-03-31).</summary>
    public const int DroppedByRetention = 1;

    /// <summary>People in the truth.</summary>
    public const int People = 8;

    private const string AcaciaLine = "12 Acacia Road", AcaciaPostcode = "BS1 6QE";

    /// <summary>Sarah Jones as the council's revenues system holds her.</summary>
    public static Who Sarah { get; } = new("CT0000000001", "Sarah", "Jones", new(1985, 4, 12), "F", AcaciaLine, AcaciaPostcode);

    /// <summary>David Jones.</summary>
    public static Who David { get; } = new("CT0000000002", "David", "Jones", new(1987, 9, 3), "M", AcaciaLine, AcaciaPostcode);

    /// <summary>Emily Jones, born 2012.</summary>
    public static Who Emily { get; } = new("ED0000000001", "Emily", "Jones", new(2012, 6, 20), "F", AcaciaLine, AcaciaPostcode);

    /// <summary>Jack Jones, born 2016.</summary>
    public static Who Jack { get; } = new("ED0000000002", "Jack", "Jones", new(2016, 2, 11), "M", AcaciaLine, AcaciaPostcode);

    /// <summary>Linda Patel.</summary>
    public static Who Linda { get; } = new("CT0000000003", "Linda", "Patel", new(1970, 1, 5), "F", "3 Mill Lane", "BS5 9AA");

    /// <summary>Ravi Patel, born 2008.</summary>
    public static Who Ravi { get; } = new("ED0000000003", "Ravi", "Patel", new(2008, 11, 30), "M", "3 Mill Lane", "BS5 9AA");

    /// <summary>Tom Baker, at the flat since July 2022.</summary>
    public static Who Tom { get; } = new("CT0000000004", "Thomas", "Baker", new(1999, 12, 1), "M", "Flat 2 14 High St", "BS2 0JA");

    /// <summary>Arthur Green.</summary>
    public static Who Arthur { get; } = new("CT0000000005", "Arthur", "Green", new(1950, 3, 7), "M", "Flat 2 14 High St", "BS2 0JA");

    /// <summary>The builder with every row, so that a test can add to it; <paramref name="extractDate"/> for a later extract of the same records.</summary>
    public static ExtractBuilder Builder(DateOnly? extractDate = null) => new ExtractBuilder(extractDate ?? ExtractDate)
        .Address(Acacia, "12 Acacia Road", "BS1 6QE", imdDecile: 1)
        .Address(Mill, "3 Mill Lane", "BS5 9AA", imdDecile: 10)
        .Address(HighStreet, "Flat 2, 14 High Street", "BS2 0JA", imdDecile: 5)
        .Occupant("OCC-1", Sarah, Acacia, new(2015, 1, 1)).Occupant("OCC-2", David, Acacia, new(2015, 1, 1))
        .Occupant("OCC-3", Linda, Mill, new(2005, 6, 1))
        .Occupant("OCC-4", Tom with { Address = "3 Mill Lane", Postcode = "BS5 9AA" }, Mill, new(2018, 1, 1), new(2022, 6, 30))
        .Occupant("OCC-5", Tom, HighStreet, new(2022, 7, 1)).Occupant("OCC-6", Arthur, HighStreet, new(2000, 1, 1))
        .Census("SC-1", Emily, new(2024, 1, 18), "F", "white_british").Census("SC-2", Jack, new(2024, 1, 18), "M", "mixed")
        .Census("SC-3", Ravi, new(2024, 1, 18), "M", "asian")
        .Carer("CCC-1", Emily.In("LCS0000000002"), Sarah.In("LCS0000000003"), "mother", new(2012, 6, 20))
        .Carer("CCC-2", Emily.In("LCS0000000002"), David.In("LCS0000000004"), "father", new(2012, 6, 20))
        .Carer("CCC-3", Jack.In("LCS0000000001"), Sarah.In("LCS0000000003"), "mother", new(2016, 2, 11))
        .Carer("CCC-4", Jack.In("LCS0000000001"), David.In("LCS0000000004"), "father", new(2016, 2, 11))
        .Contact("SPC-4", Ravi, Linda.In("EC0000000003"), "mother", new(2012, 9, 1))
        .Birth("HVB-1", Sarah.In("RH0000000001"), Jack.In("RH0000000002"))
        .Event("police.asb_incident", "ASB-1", Sarah.In("PN0000000001"), new(2023, 6, 15))
        .Event("police.asb_incident", "ASB-2", Tom.In("PN0000000002") with { Forename = "Tom" }, new(2024, 1, 2))
        .Event("dwp.out_of_work_benefit", "CLM-1", Sarah.In("DW0000000001"), new(2022, 1, 10))
        .Event("dwp.out_of_work_benefit", "CLM-2", Tom.In("DW0000000002"), new(2023, 2, 1), new(2023, 9, 30))
        .Event("health.ae_attendance", "AE-1", David.In("RH0000000003"), new(2023, 11, 12))
        .Event("careers.neet", "NEET-1", Tom.In("CS0000000001") with { Address = "3 Mill Lane", Postcode = "BS5 9AA" }, new(2019, 3, 1), new(2019, 9, 1))
        .Event("school.persistent_absence", "PA-1", Emily, new(2023, 9, 1), new(2023, 12, 20), 14.5)
        .Event("school.persistent_absence", "PA-2", Ravi, new(2024, 1, 8), null, 11.25)
        .Event("csc.cp_plan", "CP-1", Jack.In("LCS0000000001"), new(2023, 10, 1))
        .Event("police.domestic_abuse_incident", "DA-1", David.In("PN0000000003"), new(2023, 8, 19));

    /// <summary>Writes the extract into a new folder under <paramref name="parent"/>.</summary>
    public static ExtractFolder WriteTo(string parent) => Builder().WriteTo(parent);
}
