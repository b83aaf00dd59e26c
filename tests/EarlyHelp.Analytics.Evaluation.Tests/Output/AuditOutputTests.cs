using System.Text.Json;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Output;
using EarlyHelp.Analytics.Evaluation.Tests.Fairness;

namespace EarlyHelp.Analytics.Evaluation.Tests.Output;

public sealed class AuditOutputTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"audit-output-{Guid.NewGuid():N}");

    [Fact]
    public void Write_Reports_WritesFourFilesAndTheGroupsArrayWithItsRequiredFields()
    {
        var population = FairnessAuditTests.Larger(seed: 8);
        var fairness = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 50 }).Run(population);
        var calibration = new CalibrationAudit().Run(population);

        var paths = AuditOutput.Write(folder, fairness, calibration);

        Assert.Equal(["fairness.json", "fairness.html", "calibration.json", "calibration.html"], paths.Select(Path.GetFileName));
        // Each chart's PNG is written under charts/ where the pages link it.
        var pngs = Directory.GetFiles(Path.Combine(folder, "charts"), "*.png").Select(Path.GetFileName).ToArray();
        Assert.Contains("calibration-roc-curve.png", pngs);
        Assert.Contains(pngs, p => p!.StartsWith("fairness-", StringComparison.Ordinal));
        foreach (var png in pngs)
            Assert.Contains($"charts/{png}", File.ReadAllText(Path.Combine(folder, png!.StartsWith("fairness-", StringComparison.Ordinal) ? "fairness.html" : "calibration.html")));
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "fairness.json")));
        var groups = json.RootElement.GetProperty("groups").EnumerateArray().ToArray();
        Assert.Equal(3, groups.Length);
        foreach (var key in new[] { "group", "n", "tp", "fp", "tn", "fn", "selection_rate", "tpr", "fpr", "fnr", "ppv", "auc", "disparities" })
            Assert.All(groups, g => Assert.True(g.TryGetProperty(key, out _), $"missing '{key}'"));
        var nonReference = groups.First(g => !g.GetProperty("is_reference").GetBoolean());
        Assert.True(nonReference.GetProperty("disparities").GetProperty("fnr").TryGetProperty("ratio_interval", out _));
    }

    [Fact]
    public void Serialize_UndefinedRate_IsWrittenAsNull()
    {
        // Nobody selected in either group: precision is 0/0 for both.
        var population = new ScoredPopulation([0.1, 0.2], [1, 0], [new GroupColumn("g", ["a", "b"])]);
        var report = new FairnessAudit(new FairnessAuditOptions { BootstrapResamples = 0 }).Run(population);

        using var json = JsonDocument.Parse(ReportJson.Serialize(report));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("groups")[0].GetProperty("ppv").ValueKind);
    }

    public void Dispose()
    {
        if (Directory.Exists(folder))
            Directory.Delete(folder, recursive: true);
    }
}
