using System.Text;

namespace EarlyHelp.Analytics.Linkage;

/// <summary>Normalises names: upper case letters only, so "O'Brien", "OBRIEN" and "o brien" agree exactly.</summary>
internal static class NameText
{
    /// <summary>The letters of <paramref name="raw"/> in upper case, or null when none.</summary>
    public static string? Normalise(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return null;
        Span<char> buffer = raw.Length <= 128 ? stackalloc char[raw.Length] : new char[raw.Length];
        var length = 0;
        foreach (var c in raw)
            if (char.IsLetter(c))
                buffer[length++] = char.ToUpperInvariant(c);
        return length == 0 ? null : new string(buffer[..length]);
    }

    /// <summary>The normalised parts of a name split at spaces, hyphens and other separators ("Smith-Jones" gives SMITH, JONES).</summary>
    public static string[] Parts(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw))
            return [];
        var parts = new List<string>(2);
        var current = new StringBuilder();
        foreach (var c in raw)
        {
            if (char.IsLetter(c))
                current.Append(char.ToUpperInvariant(c));
            else if (c is ' ' or '-' or ',' or '.' or '/' && current.Length > 0)
            {
                parts.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0)
            parts.Add(current.ToString());
        return [.. parts];
    }
}
