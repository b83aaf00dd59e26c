using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Cli.Tests.Generate;

public sealed class GenerateCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "earlyhelp-generate-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        foreach (var path in new[] { folder, folder + "-truth" })
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = EarlyHelpCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Generate_SmallCity_WritesExtractsAndTruthApart()
    {
        var (code, output, error) = Run("generate", "--people", "2000", "--months", "6", "--seed", "9", "--out", folder);

        Assert.True(code == ExitCodes.Success, error);
        var manifest = ExtractManifest.Read(Path.Combine(folder, ExtractManifest.FileName));
        // Six months from the default start, January 2021.
        Assert.Equal(new DateOnly(2021, 6, 30), manifest.ExtractDate);
        Assert.Equal(9, manifest.Seed);
        Assert.True(File.Exists(Path.Combine(folder + "-truth", "family_need.csv")));
        Assert.Contains("Ground truth (evaluation only)", output);
    }

    [Fact]
    public void Generate_TwoDeliveries_WritesAFolderPerMonthEnd()
    {
        var (code, output, error) = Run("generate", "--people", "2000", "--months", "6", "--seed", "9", "--deliveries", "2", "--out", folder);

        Assert.True(code == ExitCodes.Success, error);
        // Six months from January 2021: deliveries at the ends of May and June.
        Assert.Equal(new DateOnly(2021, 5, 31), ExtractManifest.Read(Path.Combine(folder, "2021-05-31", ExtractManifest.FileName)).ExtractDate);
        Assert.Equal(new DateOnly(2021, 6, 30), ExtractManifest.Read(Path.Combine(folder, "2021-06-30", ExtractManifest.FileName)).ExtractDate);
        Assert.Equal(["2021-05-31", "2021-06-30"], Directory.EnumerateFileSystemEntries(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder + "-truth", "record_deliveries.csv")));
        Assert.Contains("delivery 2021-05-31", output);
    }

    [Fact]
    public void Generate_MoreDeliveriesThanMonths_IsBadUsageNamingTheOption()
    {
        var (code, _, error) = Run("generate", "--out", folder, "--months", "6", "--deliveries", "7");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("earlyhelp: The 'Deliveries' option must be between 1 and 60 and at most the months of history (6). Got 7 instead.", error.Trim());
    }

    [Fact]
    public void Generate_NoBiasWithABiasMultiplier_IsBadUsage()
    {
        var (code, _, error) = Run("generate", "--out", folder, "--no-recording-bias", "--social-rent-bias", "2");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("--no-recording-bias cannot be combined", error);
    }

    [Fact]
    public void Generate_MalformedStart_IsBadUsage()
    {
        var (code, _, error) = Run("generate", "--out", folder, "--start", "2021/01");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("earlyhelp: --start must be a month written YYYY-MM. Got '2021/01' instead.", error.Trim());
    }

    [Fact]
    public void Generate_TruthInsideOut_IsBadUsage()
    {
        var (code, _, error) = Run("generate", "--out", folder, "--truth-out", Path.Combine(folder, "truth"));

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Contains("must lie outside the extract folder", error);
    }

    [Fact]
    public void Generate_TooFewPeople_IsBadUsageNamingTheOption()
    {
        var (code, _, error) = Run("generate", "--out", folder, "--people", "10");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("earlyhelp: The 'People' option must be between 1000 and 5000000. Got 10 instead.", error.Trim());
    }

    [Fact]
    public void Generate_Help_DescribesEveryOption()
    {
        var (code, output, _) = Run("generate", "--help");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var option in new[] { "--people", "--seed", "--months", "--start", "--out", "--truth-out", "--warm-up-months", "--no-recording-bias", "--black-and-mixed-bias", "--social-rent-bias", "--deliveries", "--threads" })
            Assert.Contains(option, output);
    }
}
