using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.LinkageEvaluation;

/// <summary>
/// A 10,000-person synthetic city with 60 months to 2024-12-31 (seed 1), generated once and run through <c>linkage sensitivity</c>
/// once for the tests that read the result: the smallest city the pipeline tests train on (a 5,000-person, 36-month
/// city leaves no escalation in the test quarter).
/// </summary>
public sealed class SensitivityCity : IDisposable
{
    /// <summary>Generates the city and runs the command with 100 resamples (the fewest allowed: the intervals are not under test).</summary>
    public SensitivityCity()
    {
        Folder = Directory.CreateTempSubdirectory("earlyhelp-cli-sensitivity-").FullName;
        City = Path.Combine(Folder, "city");
        Truth = Path.Combine(Folder, "city-truth");
        Output = Path.Combine(Folder, "sensitivity");
        var (generated, _, generateError) = CommandRunner.Run("generate", "--people", "10000", "--months", "60", "--start", "2020-01", "--seed", "1", "--out", City, "--truth-out", Truth);
        Assert.True(generated == ExitCodes.Success, generateError);
        Result = CommandRunner.Run("linkage", "sensitivity", "--city", City, "--truth", Truth, "--out", Output, "--resamples", "100");
    }

    /// <summary>The scratch folder.</summary>
    public string Folder { get; }

    /// <summary>The extract folder.</summary>
    public string City { get; }

    /// <summary>The truth folder.</summary>
    public string Truth { get; }

    /// <summary>The command's output folder.</summary>
    public string Output { get; }

    /// <summary>The command's exit code, standard output and standard error.</summary>
    public (int Exit, string Output, string Error) Result { get; }

    /// <inheritdoc />
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
