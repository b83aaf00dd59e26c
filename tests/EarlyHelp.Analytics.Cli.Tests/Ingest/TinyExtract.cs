using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.Tests.Ingest;

/// <summary>A two-household extract folder written by hand, with a matching manifest.</summary>
internal static class TinyExtract
{
    /// <summary>Writes the folder under <paramref name="parent"/> with <paramref name="asbDate"/> as the one incident's date (dd/MM/yyyy).</summary>
    public static string Write(string parent, string asbDate = "15/06/2023")
    {
        var folder = Path.Combine(parent, "extract");
        Directory.CreateDirectory(folder);
        var files = new (string Name, string? Dataset, string Text)[]
        {
            ("households.csv", null, "household_id,uprn,area_code,imd_decile,tenure\n1,100000000001,E01000001,1,social_rent\n2,100000000002,E01000002,10,owner\n"),
            ("people.csv", null, "person_id,birth_month,death_month\n1,1985-04,\n2,2015-03,\n3,1970-01,\n"),
            ("residences.csv", null, "person_id,household_id,start_date,end_date\n1,1,2015-01-01,\n2,1,2015-03-01,\n3,2,2001-01-01,\n"),
            ("police_asb_incidents.csv", "police.asb_incident",
                $"OccurrenceRef,PersonRef,Forename,Surname,DOB,Postcode,IncidentDate\nASB-1,1,Alex,Smith,01/04/1985,BS1 1AA,{asbDate}\n"),
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
