using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>What the hub readers share: reading codes and months as the hub stores them.</summary>
internal static class HubReading
{
    /// <summary>The code list's own instance of <paramref name="code"/>, or the text read when it is not in the list.</summary>
    public static string Intern(string code, IReadOnlyList<string> codes)
    {
        foreach (var known in codes)
        {
            if (string.Equals(known, code, StringComparison.Ordinal))
                return known;
        }
        return code;
    }

    /// <summary>Reads a <c>YYYY-MM</c> month the hub stored.</summary>
    public static YearMonth Month(string text) =>
        YearMonth.TryParse(text, out var month) ? month : throw new InvalidDataException($"The hub holds a month that is not YYYY-MM: '{text}'.");
}
