using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Html;

namespace EarlyHelp.Analytics.Evaluation.Output;

/// <summary>Writes an audit's four files into a folder: fairness.json, fairness.html, calibration.json and calibration.html.</summary>
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

    /// <summary>Creates <paramref name="folder"/> if needed, writes the four files, and returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, FairnessReport fairness, CalibrationReport calibration)
    {
        ArgumentNullException.ThrowIfNull(fairness);
        ArgumentNullException.ThrowIfNull(calibration);
        Directory.CreateDirectory(folder);
        (string Name, string Text)[] files =
        [
            (FairnessJson, ReportJson.Serialize(fairness)),
            (FairnessHtml, FairnessPage.Render(fairness)),
            (CalibrationJson, ReportJson.Serialize(calibration)),
            (CalibrationHtml, CalibrationPage.Render(calibration)),
        ];
        return files.Select(file =>
        {
            var path = Path.Combine(folder, file.Name);
            File.WriteAllText(path, file.Text);
            return path;
        }).ToArray();
    }
}
