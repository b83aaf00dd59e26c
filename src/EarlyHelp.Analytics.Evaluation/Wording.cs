using System.Globalization;

namespace EarlyHelp.Analytics.Evaluation;

/// <summary>Text for reports, numbers always in the invariant culture (a point for decimals) whatever the host's culture.</summary>
internal static class Wording
{
    /// <summary>Formats each part with the invariant culture and joins them.</summary>
    public static string Invariant(params FormattableString[] parts) =>
        string.Concat(parts.Select(p => p.ToString(CultureInfo.InvariantCulture)));
}
