using System.Globalization;
using System.Text.Json;
using EarlyHelp.Analytics.Evaluation.Statistics;

namespace EarlyHelp.Analytics.Web.Pages.Models;

/// <summary>One test quarter as the model page shows it.</summary>
/// <param name="TestDate">The quarter's test date.</param>
/// <param name="TrainingDates">Its training dates in words ("2: 1 Jan 2022 to 1 Apr 2022").</param>
/// <param name="TestFamilies">Test families at the test date.</param>
/// <param name="Escalations">Of them, how many escalated within the horizon.</param>
/// <param name="Capacity">K on the test families.</param>
/// <param name="NotAssessable">Why the quarter's data cannot resolve the model's performance, or null when it was assessed.</param>
/// <param name="Cells">When assessed: each of <see cref="Backtest.Columns"/> with its interval, then the calibration slope and observed / expected.</param>
public sealed record BacktestRow(DateOnly TestDate, string TrainingDates, int TestFamilies, long Escalations, int Capacity, string? NotAssessable, IReadOnlyList<string> Cells);

/// <summary>
/// What the model page shows of a rolling-origin backtest, read from the folder's <c>backtest.json</c> as the training
/// pipeline writes it (its fields are listed in docs/training.md). The app reads the file's fields rather than the
/// pipeline's types, since the web project does not reference the pipelines; undefined numbers are written as null.
/// </summary>
/// <param name="Method">The method in words.</param>
/// <param name="Rows">Each quarter, oldest first.</param>
public sealed record Backtest(string Method, IReadOnlyList<BacktestRow> Rows)
{
    /// <summary>The file's name in a model folder.</summary>
    public const string FileName = "backtest.json";

    /// <summary>The page written beside it.</summary>
    public const string PageName = "backtest.html";

    /// <summary>The metrics shown, as the file names them, with their labels and formats (those of backtest.html).</summary>
    public static IReadOnlyList<(string Metric, string Label, string Format)> Columns { get; } =
    [
        ("auc", "AUC", "0.000"), ("precision_at_capacity", "Precision at capacity", "0.0%"), ("brier", "Brier score", "0.0000"),
    ];

    /// <summary>Reads the file's text; throws <see cref="JsonException"/> or <see cref="KeyNotFoundException"/> when it is not a backtest.</summary>
    public static Backtest Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        return new Backtest(root.GetProperty("method").GetString() ?? "", [.. root.GetProperty("results").EnumerateArray().Select(Row)]);
    }

    private static BacktestRow Row(JsonElement quarter)
    {
        var training = quarter.GetProperty("training_dates").EnumerateArray().Select(Date).ToList();
        var retrained = quarter.GetProperty("retrained");
        var assessed = quarter.GetProperty("status").GetString() == "assessed" && retrained.ValueKind == JsonValueKind.Object;
        return new BacktestRow(
            Date(quarter.GetProperty("test_date")),
            training.Count == 0 ? "—" : $"{training.Count}: {Display.Date(training[0])} to {Display.Date(training[^1])}",
            quarter.GetProperty("test_families").GetInt32(), quarter.GetProperty("escalations").GetInt64(), quarter.GetProperty("capacity").GetInt32(),
            assessed ? null : quarter.TryGetProperty("reason", out var reason) && reason.GetString() is { Length: > 0 } why ? why : "the quarter's data cannot resolve the model's performance",
            assessed ? Cells(retrained) : []);
    }

    private static string[] Cells(JsonElement score)
    {
        var metrics = score.GetProperty("metrics");
        var calibration = score.GetProperty("calibration");
        // Below the calibration gate's events the figures are shown but judge nothing, as backtest.html says.
        var indicative = calibration.GetProperty("assessable").GetBoolean() ? "" : " (indicative)";
        return
        [
            .. Columns.Select(c => metrics.TryGetProperty(c.Metric, out var estimate)
                ? ModelWords.Estimate(Number(estimate.GetProperty("value")), Range(estimate.GetProperty("interval")), c.Format)
                : "not recorded"),
            ModelWords.Estimate(Number(calibration.GetProperty("slope")), Range(calibration.GetProperty("slope_interval")), "0.00") + indicative,
            ModelWords.Estimate(Number(calibration.GetProperty("observed_over_expected")), Range(calibration.GetProperty("observed_over_expected_interval")), "0.00") + indicative,
        ];
    }

    private static DateOnly Date(JsonElement element) => DateOnly.ParseExact(element.GetString() ?? "", "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static double Number(JsonElement element) => element.ValueKind == JsonValueKind.Number ? element.GetDouble() : double.NaN;

    private static Interval Range(JsonElement element) => new(Number(element.GetProperty("lower")), Number(element.GetProperty("upper")));
}
