namespace EarlyHelp.Analytics.Linkage;

/// <summary>Whether two strings are one keying error apart: one substitution, insertion, deletion or swap of neighbours (Damerau 1964).</summary>
internal static class EditDistance
{
    /// <summary>True when the strings differ by exactly one edit of those kinds (false when equal).</summary>
    public static bool IsOneEdit(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        var difference = a.Length - b.Length;
        if (difference is > 1 or < -1)
            return false;
        var prefix = 0;
        var shorter = Math.Min(a.Length, b.Length);
        while (prefix < shorter && a[prefix] == b[prefix])
            prefix++;
        if (difference == 0)
        {
            if (prefix == a.Length)
                return false;
            // A substitution at 'prefix', or a swap of prefix and prefix + 1.
            if (a[(prefix + 1)..].SequenceEqual(b[(prefix + 1)..]))
                return true;
            return prefix + 1 < a.Length && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix]
                && a[(prefix + 2)..].SequenceEqual(b[(prefix + 2)..]);
        }
        // One insertion or deletion at 'prefix'.
        return difference > 0 ? a[(prefix + 1)..].SequenceEqual(b[prefix..]) : a[prefix..].SequenceEqual(b[(prefix + 1)..]);
    }
}
