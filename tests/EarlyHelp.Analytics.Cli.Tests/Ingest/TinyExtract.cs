using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.Tests.Ingest;

/// <summary>A two-address extract folder written by hand, with a matching manifest.</summary>
internal static class TinyExtract
{
    /// <summary>Writes the folder under <paramref name="parent"/> with <paramref name="asbDate"/> as the one incident's date (dd/MM/yyyy).</summary>
    public static string Write(string parent, string asbDate = "15/06/2023")
    {
        var folder = Path.Combine(parent, "extract");
        Directory.CreateDirectory(folder);
        // Four people, each known to one system: Alex Smith and Chris Jones from council tax, Sam Smith (born 2015) from the
        // school census, Pat Lee from one police incident at Chris's address. No record needs linking to another.
        var files = new (string Name, string? Dataset, string Text)[]
        {
            ("gazetteer.csv", null, "uprn,address,postcode,area_code,imd_decile\n100000000001,12 Acacia Road,BS1 6QE,E01000001,1\n100000000002,3 Mill Lane,BS5 9AA,E01000002,10\n"),
            ("school_census.csv", null, "census_id,person_id,pupil_forename,pupil_surname,pupil_dob,home_address,home_postcode,census_date,sex,ethnicity,sen\n" +
                "SC-1,ED0000000001,Sam,Smith,2015-03-10,12 Acacia Road,BS1 6QE,2024-01-18,M,white_british,N\n"),
            ("council_tax_occupants.csv", null, "OccupantRef,AccountNumber,PersonRef,Forename,Surname,DateOfBirth,Address,Postcode,UPRN,StartDate,EndDate,Liable\n" +
                "OCC-1,CTA-1,CT0000000001,Alex,Smith,01/04/1985,12 Acacia Road,BS1 6QE,100000000001,01/01/2015,,Y\n" +
                "OCC-2,CTA-2,CT0000000002,Chris,Jones,05/01/1970,3 Mill Lane,BS5 9AA,100000000002,01/01/2001,,Y\n"),
            ("police_asb_incidents.csv", "police.asb_incident",
                $"OccurrenceRef,PersonRef,Forename,Surname,DOB,Sex,AddressLine,Postcode,IncidentDate\nASB-1,PN0000000001,Pat,Lee,12/09/1992,F,3 Mill Lane,BS5 9AA,{asbDate}\n"),
        };
        var entries = new List<ManifestFile>();
        foreach (var (name, dataset, text) in files)
        {
            File.WriteAllText(Path.Combine(folder, name), text);
            entries.Add(new ManifestFile(name, dataset, text.Count(c => c == '\n') - 1,
                Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(folder, name))))));
        }
        var manifest = new ExtractManifest { Producer = "hand", ProducerVersion = "1", ExtractDate = new DateOnly(2024, 3, 31), Files = entries };
        File.WriteAllText(Path.Combine(folder, ExtractManifest.FileName), manifest.ToJson());
        return folder;
    }
}
