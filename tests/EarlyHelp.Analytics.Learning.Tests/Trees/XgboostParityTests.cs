using System.Diagnostics;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Metrics;
using EarlyHelp.Analytics.Learning.Tests.Support;
using EarlyHelp.Analytics.Learning.Trees;
using Xunit.Abstractions;

namespace EarlyHelp.Analytics.Learning.Tests.Trees;

public sealed class XgboostParityTests(ITestOutputHelper output) : IDisposable
{
    private const string Python = PythonAnchorFactAttribute.Python;
    private readonly string folder = Directory.CreateTempSubdirectory("xgboost-parity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [PythonAnchorFact]
    public void Fit_AnchorData_ScoresAsXgboostHist()
    {
        var anchor = PythonAnchorFactAttribute.ScriptPath();
        var (trainPath, testPath) = (Path.Combine(folder, "train.csv"), Path.Combine(folder, "test.csv"));
        RunPython(anchor, "gen", "--rows", "20000", "--features", "40", "--seed", "1", "--out", trainPath, "--test-rows", "20000", "--test-out", testPath);
        var train = CsvDatasetReader.Read(trainPath, new CsvColumns { Label = "label" }).Dataset;
        var test = CsvDatasetReader.Read(testPath, new CsvColumns { Label = "label" }).Dataset;
        // XGBoost's settings: 100 rounds, 31 leaves grown loss-guided, eta 0.1, 255 bins,
        // lambda 1, min_child_weight 1 (a hessian floor, no row count floor).
        var options = new GradientBoostingOptions
        {
            NumberOfTrees = 100,
            NumberOfLeaves = 31,
            LearningRate = 0.1,
            MaximumBinCountPerFeature = 255,
            L2Regularization = 1,
            MinimumHessianPerLeaf = 1,
            MinimumExampleCountPerLeaf = 1,
        };

        var probabilities = new GradientBoostingTrainer(options).Fit(train).PredictProbability(test);

        // XGBoost 1.7.4 (tree_method=hist) on the same two files, measured once with
        //   gbdt_anchor.py run --train train.csv --test test.csv --trees 100 --leaves 31 --lr 0.1
        //     --bins 255 --min-leaf 20 --l2 1.0 --threads 2 --repeats 1
        // which printed: engine=xgboost_hist ... auc=0.83211 logloss=0.25123 rows=20000 features=40
        var auc = BinaryMetrics.RocAuc<float, double>(test.Labels, probabilities);
        var logLoss = BinaryMetrics.LogLoss<float, double>(test.Labels, probabilities);
        output.WriteLine($"auc={auc:F5} logloss={logLoss:F5}");
        Assert.InRange(auc, 0.83211 - 0.002, 0.83211 + 0.002);
        Assert.InRange(logLoss, 0.25123 - 0.002, 0.25123 + 0.002);
    }

    private static void RunPython(params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(Python, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"gbdt_anchor.py failed: {errors.Result}");
    }
}
