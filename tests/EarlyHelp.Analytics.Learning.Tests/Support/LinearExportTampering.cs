using EarlyHelp.Analytics.Learning.Models;

namespace EarlyHelp.Analytics.Learning.Tests.Support;

/// <summary>
/// Changes a saved regression's readable export as an attacker who also recomputes the fingerprint would, so that a
/// test can show that loading still refuses an export that disagrees with the model zip.
/// </summary>
internal static class LinearExportTampering
{
    /// <summary>Rewrites <paramref name="folder"/>'s linear export with <paramref name="edit"/> and writes a fingerprint that matches it.</summary>
    public static void Rewrite(string folder, Func<string, string> edit)
    {
        var exportPath = Path.Combine(folder, ModelFiles.LinearExport);
        var changed = System.Text.Encoding.UTF8.GetBytes(edit(File.ReadAllText(exportPath)));
        File.WriteAllBytes(exportPath, changed);
        File.WriteAllText(Path.Combine(folder, ModelFiles.Fingerprint),
            ModelFingerprint.Of(File.ReadAllBytes(Path.Combine(folder, ModelFiles.ModelZip)), changed, ModelFiles.LinearExport) + "\n");
    }
}
