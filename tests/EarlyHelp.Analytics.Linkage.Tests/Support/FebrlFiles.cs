using System.Globalization;

namespace EarlyHelp.Analytics.Linkage.Tests.Support;

/// <summary>
/// The FEBRL 4 files from the shared folder (<c>$EARLYHELP_SHARED/external/febrl</c>, or <c>../shared</c> beside the
/// repository): 5,000 originals and 5,000 duplicates, rec-N-org and rec-N-dup-0 being the same person.
/// </summary>
public static class FebrlFiles
{
    /// <summary>The folder holding dataset4a.csv and dataset4b.csv, or null when absent.</summary>
    public static string? Folder()
    {
        var configured = Environment.GetEnvironmentVariable("EARLYHELP_SHARED");
        var shared = string.IsNullOrWhiteSpace(configured) ? RepositorySibling("shared") : configured;
        var folder = shared is null ? null : Path.Combine(shared, "external", "febrl");
        return folder is not null && File.Exists(Path.Combine(folder, "dataset4a.csv")) && File.Exists(Path.Combine(folder, "dataset4b.csv"))
            ? folder : null;
    }

    /// <summary>Both files' records (4a first) with the true person of each, optionally without the social security number.</summary>
    public static (List<LinkageRecord> Records, List<string> Truth) Load(bool withSocialSecurityNumber)
    {
        var folder = Folder() ?? throw new InvalidOperationException("The FEBRL folder is absent.");
        var records = new List<LinkageRecord>();
        var truth = new List<string>();
        foreach (var file in new[] { "dataset4a", "dataset4b" })
            foreach (var line in File.ReadLines(Path.Combine(folder, file + ".csv")).Skip(1))
            {
                var f = line.Split(',').Select(x => x.Trim()).ToArray();
                records.Add(new LinkageRecord
                {
                    Source = file,
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

    private static string? RepositorySibling(string name)
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "EarlyHelp.Analytics.sln")))
            folder = folder.Parent;
        return folder?.Parent is null ? null : Path.Combine(folder.Parent.FullName, name);
    }
}

/// <summary>A fact that skips, saying why, when the FEBRL files are not in the shared folder.</summary>
public sealed class FebrlFactAttribute : FactAttribute
{
    public FebrlFactAttribute()
    {
        if (FebrlFiles.Folder() is null)
            Skip = "The FEBRL 4 files are absent: set EARLYHELP_SHARED to the shared folder holding external/febrl/dataset4a.csv and dataset4b.csv.";
    }
}
