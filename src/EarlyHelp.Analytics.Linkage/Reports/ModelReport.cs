namespace EarlyHelp.Analytics.Linkage;

/// <summary>The linkage model report: each field's comparison levels with m, u and match weight, as a table and a bar chart.</summary>
public static class ModelReport
{
    /// <summary>A self-contained HTML page (inline SVG, no scripts) describing <paramref name="model"/>, with optional summary lines above the tables.</summary>
    public static string ToHtml(LinkageModel model, IReadOnlyList<string>? summaryLines = null) =>
        throw new NotImplementedException();
}
