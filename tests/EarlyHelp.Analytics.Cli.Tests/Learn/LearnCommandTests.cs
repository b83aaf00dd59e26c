using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;

namespace EarlyHelp.Analytics.Cli.Tests.Learn;

public sealed class LearnCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("learn-command-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void FitThenPredict_WellFormedFiles_WritesProbabilitiesInInputOrderWithIds()
    {
        var training = WriteData("train.csv", rows: 600, seed: 1);
        var scoring = WriteData("score.csv", rows: 50, seed: 2);
        var model = Path.Combine(folder, "model");
        var predictions = Path.Combine(folder, "predictions.csv");

        var (fitCode, _, fitErrors) = Run("learn", "fit", "--data", training, "--label", "y", "--id", "ref", "--model", model, "--trees", "20", "--threads", "1");
        var (predictCode, _, predictErrors) = Run("learn", "predict", "--model", model, "--data", scoring, "--id", "ref", "--out", predictions, "--explain", "2");

        Assert.Equal((0, ""), (fitCode, fitErrors));
        Assert.Equal((0, ""), (predictCode, predictErrors));
        var lines = File.ReadAllLines(predictions);
        Assert.Equal("ref,probability,reason_1_feature,reason_1_value,reason_1_contribution,reason_2_feature,reason_2_value,reason_2_contribution", lines[0]);
        Assert.Equal(51, lines.Length);
        var expected = ModelFiles.Load(model).PredictProbability(CsvDatasetReader.Read(scoring, new CsvColumns { Label = "y", Ids = ["ref"] }).Dataset);
        for (var row = 0; row < 50; row++)
        {
            var fields = lines[row + 1].Split(',');
            Assert.Equal($"r{row}", fields[0]);
            Assert.Equal(expected[row], double.Parse(fields[1], CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void Predict_FileWithOtherFeatures_FailsNamingThem()
    {
        var model = Path.Combine(folder, "model");
        Run("learn", "fit", "--data", WriteData("train.csv", rows: 300, seed: 3), "--label", "y", "--id", "ref", "--model", model, "--trees", "5");
        var other = Path.Combine(folder, "other.csv");
        File.WriteAllText(other, "ref,a,b,age\nr0,1,2,40\n");

        var (code, _, errors) = Run("learn", "predict", "--model", model, "--data", other, "--id", "ref", "--out", Path.Combine(folder, "p.csv"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"earlyhelp: {other}:1: the features do not match the model's: missing 'c'; unexpected 'age'.\n", errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Fit_InvalidHyperparameter_IsBadUsage()
    {
        var (code, _, errors) = Run("learn", "fit", "--data", WriteData("train.csv", rows: 100, seed: 4), "--label", "y", "--model", Path.Combine(folder, "m"), "--leaves", "1");

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("earlyhelp: The 'NumberOfLeaves' option must be at least 2. Got 1 instead.\n", errors.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Fit_NonNumericCell_IsBadInputWithItsPlace()
    {
        var data = Path.Combine(folder, "bad.csv");
        File.WriteAllText(data, "a,y\n1,0\nlots,1\n");

        var (code, _, errors) = Run("learn", "fit", "--data", data, "--label", "y", "--model", Path.Combine(folder, "m"));

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"earlyhelp: {data}:3:1: 'a' is not a number: 'lots'\n", errors.ReplaceLineEndings("\n"));
    }

    private static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var code = EarlyHelpCommand.Run(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>An id column "ref", features a, b, c (some missing) and a label y that follows a.</summary>
    private string WriteData(string name, int rows, int seed)
    {
        var random = new Random(seed);
        var path = Path.Combine(folder, name);
        using var writer = new StreamWriter(path);
        writer.Write("ref,a,b,c,y\n");
        for (var row = 0; row < rows; row++)
        {
            var a = random.NextDouble() * 10;
            var b = random.NextDouble() < 0.1 ? "" : random.Next(5).ToString(CultureInfo.InvariantCulture);
            var y = random.NextDouble() < a / 10 ? 1 : 0;
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"r{row},{a:F3},{b},{random.NextDouble():F3},{y}\n"));
        }

        return path;
    }
}
