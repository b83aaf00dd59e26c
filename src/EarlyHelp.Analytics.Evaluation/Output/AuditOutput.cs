using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Html;

namespace EarlyHelp.Analytics.Evaluation.Output;

/// <summary>Writes an audit's four files into a folder — fairness.json, fairness.html, calibration.json and calibration.html — and the HTML pages' charts as PNG files under <c>charts/</c>.</summary>
public static class AuditOutput
{
    /// <summary>File name of the fairness report's data.</summary>
    public const string FairnessJson = "fairness.json";

    /// <summary>File name of the fairness report for reading and printing.</summary>
    public const string FairnessHtml = "fairness.html";

    /// <summary>File name of the calibration report's data.</summary>
    public const string CalibrationJson = "calibration.json";

    /// <summary>File name of the calibration report for reading and printing.</summary>
    public const string CalibrationHtml = "calibration.html";

    /// <summary>Creates <paramref name="folder"/> if needed, writes the four files and the charts' PNG files, and returns the four files' paths.</summary>
    public static IReadOnlyList<string> Write(string folder, FairnessReport fairness, CalibrationReport calibration)
    {
        ArgumentNullException.ThrowIfNull(fairness);
        ArgumentNullException.ThrowIfNull(calibration);
        Directory.CreateDirectory(folder);
        return
        [
            WriteText(folder, FairnessJson, ReportJson.Serialize(fairness)),
            FairnessPage.Build(fairness).WriteTo(folder, FairnessHtml)[0],
            WriteText(folder, CalibrationJson, ReportJson.Serialize(calibration)),
            CalibrationPage.Build(calibration).WriteTo(folder, CalibrationHtml)[0],
        ];
    }

    private static string WriteText(string folder, string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
