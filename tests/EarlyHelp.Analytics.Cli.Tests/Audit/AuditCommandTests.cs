using System.Globalization;
using System.Text.Json;
using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.Audit;

public sealed class AuditCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("audit-command-").FullName;

    [Fact]
    public void Run_ValidFile_WritesFourReportsAndExitsZero()
    {
        var scores = WriteScores(Rows(400));

        var (code, output, error) = Run("audit", "--scores", scores, "--score", "probability", "--label", "outcome", "--group", "area,sex",
            "--top-k", "60", "--id", "id", "--raw-score", "margin", "--features", "visits", "--resamples", "100", "--out", Path.Combine(folder, "out"));

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        Assert.Contains("Wrote", output);
        Assert.Equal(["calibration.html", "calibration.json", "fairness.html", "fairness.json"],
            Directory.GetFiles(Path.Combine(folder, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "out", "fairness.json")));
        Assert.Equal(60, json.RootElement.GetProperty("population").GetProperty("selected").GetInt64());
    }

    [Fact]
    public void Run_NonNumericScore_ExitsOneNamingFileLineAndColumn()
    {
        var scores = WriteScores(["id,probability,outcome,area,sex,margin,visits", "1,0.3,0,North,F,0.1,2", "2,high,1,South,M,0.2,3"]);

        var (code, _, error) = Run("audit", "--scores", scores, "--score", "probability", "--label", "outcome", "--group", "area", "--out", folder);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"earlyhelp: {scores}:3:2: The score 'high' in column 'probability' is not a number.", error.Trim());
    }

    [Fact]
    public void Run_UnknownReferenceGroup_ExitsOne()
    {
        var scores = WriteScores(Rows(20));

        var (code, _, error) = Run("audit", "--scores", scores, "--score", "probability", "--label", "outcome", "--group", "area",
            "--reference", "East", "--out", folder);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("The reference group 'East' does not occur in any group column", error);
    }

    [Theory]
    [InlineData("--threshold", "0.4", "--top-k", "5", "Give one selection rule, not --threshold and --top-k.")]
    [InlineData("--select-column", "area", "--resamples", "10", "--select-column and --select-values go together.")]
    [InlineData("--top-fraction", "1.5", "--resamples", "10", "The top fraction must lie in (0, 1]. Got 1.5 instead.")]
    public void Run_ConflictingOrInvalidOptions_ExitsTwo(string option1, string value1, string option2, string value2, string message)
    {
        var scores = WriteScores(Rows(20));

        var (code, _, error) = Run("audit", "--scores", scores, "--score", "probability", "--label", "outcome", "--group", "area",
            option1, value1, option2, value2, "--out", folder);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal($"earlyhelp: {message}", error.Trim());
    }

    [Fact]
    public void Help_Audit_DescribesEveryOption()
    {
        var (code, output, _) = Run("audit", "--help");

        Assert.Equal(ExitCodes.Success, code);
        foreach (var option in new[] { "--scores", "--score", "--label", "--group", "--threshold", "--top-k", "--top-fraction", "--select-column",
                     "--select-values", "--reference", "--raw-score", "--id", "--features", "--intervention", "--resamples", "--seed", "--out" })
            Assert.Contains(option, output);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EarlyHelpCommand.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string WriteScores(IEnumerable<string> lines)
    {
        var path = Path.Combine(folder, "scores.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>Rows with a probability that follows the outcome loosely, two areas and two sexes.</summary>
    private static IEnumerable<string> Rows(int count)
    {
        var random = new Random(12);
        yield return "id,probability,outcome,area,sex,margin,visits";
        for (var i = 0; i < count; i++)
        {
            var outcome = random.NextDouble() < 0.3 ? 1 : 0;
            var probability = Math.Clamp(0.2 + 0.3 * outcome + 0.4 * (random.NextDouble() - 0.5), 0.01, 0.99);
            yield return string.Create(CultureInfo.InvariantCulture,
                $"{i},{probability:0.0000},{outcome},{(i % 3 == 0 ? "North" : "South")},{(i % 2 == 0 ? "F" : "M")},{Math.Log(probability / (1 - probability)):0.0000},{random.Next(6)}");
        }
    }
}
