using System.Globalization;
using EarlyHelp.Analytics.Learning.Tests.Support;

namespace EarlyHelp.Analytics.Linkage.Tests.Support;

/// <summary>
/// The FEBRL 4 files from the shared folder (<c>$EARLYHELP_SHARED/external/febrl</c>, or <c>../shared</c> beside the
/// repository): 5,000 originals and 5,000 duplicates, rec-N-org and rec-N-dup-0 being the same person.
/// </summary>
public static class FebrlFiles
{
    /// <summary>File A (originals), relative to the shared folder.</summary>
    public const string FileA = "external/febrl/dataset4a.csv";

    /// <summary>File B (duplicates), relative to the shared folder.</summary>
    public const string FileB = "external/febrl/dataset4b.csv";

    /// <summary>Both files' records (4a first) with the true person of each, optionally without the social security number.</summary>
    public static (List<LinkageRecord> Records, List<string> Truth) Load(bool withSocialSecurityNumber)
    {
        var records = new List<LinkageRecord>();
        var truth = new List<string>();
        foreach (var file in new[] { FileA, FileB })
            foreach (var line in File.ReadLines(SharedFolder.PathOf(file)).Skip(1))
            {
                var f = line.Split(',').Select(x => x.Trim()).ToArray();
                records.Add(new LinkageRecord
                {
                    Source = Path.GetFileNameWithoutExtension(file),
                    RecordId = f[0],
                    Forename = f[1],
                    Surname = f[2],
                    Address = f[4],
                    Postcode = f[7],
                    BirthDate = DateOnly.TryParseExact(f[9], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null,
                    NhsNumber = withSocialSecurityNumber ? f[10] : null,
                    Other = new Dictionary<string, string> { ["street_number"] = f[3], ["address_2"] = f[5], ["suburb"] = f[6], ["state"] = f[8] },
                });
                truth.Add(f[0].Split('-')[1]);
            }
        return (records, truth);
    }
}

/// <summary>A fact that reads both FEBRL files, and skips, saying why, when they are absent.</summary>
public sealed class FebrlFactAttribute() : SharedFactAttribute(FebrlFiles.FileA, FebrlFiles.FileB);
