namespace EarlyHelp.Analytics.Evaluation.Html;

/// <summary>A chart's PNG file, at a path relative to the page that links it.</summary>
/// <param name="Path">Relative path with forward slashes, e.g. <c>charts/calibration-roc-curve.png</c>.</param>
/// <param name="Bytes">The file's content.</param>
public sealed record ReportImage(string Path, byte[] Bytes);

/// <summary>An HTML page and the PNG files of its charts, which it links relative to itself.</summary>
/// <param name="Html">The complete document.</param>
/// <param name="Images">The charts' PNG files.</param>
public sealed record HtmlReport(string Html, IReadOnlyList<ReportImage> Images)
{
    /// <summary>The folder, beside the page, that holds its charts' PNG files.</summary>
    public const string ChartFolder = "charts";

    /// <summary>
    /// Every file of the report as (path, bytes), paths relative to the folder the page is written to
    /// when the page's own path is <paramref name="pagePath"/> (e.g. <c>true_need/fairness.html</c>).
    /// </summary>
    public IEnumerable<(string Path, byte[] Bytes)> Files(string pagePath)
    {
        var folder = Path.GetDirectoryName(pagePath) ?? "";
        yield return (pagePath, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Html));
        foreach (var image in Images)
            yield return (Path.Combine(folder, image.Path.Replace('/', Path.DirectorySeparatorChar)), image.Bytes);
    }

    /// <summary>Writes the page as <paramref name="fileName"/> in <paramref name="folder"/> with its charts beside it, and returns the paths written.</summary>
    public IReadOnlyList<string> WriteTo(string folder, string fileName) => Files(fileName).Select(file =>
    {
        var path = Path.Combine(folder, file.Path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, file.Bytes);
        return path;
    }).ToArray();
}
