namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Jaro–Winkler similarity: Jaro's agreement of matching characters within a window, raised for a common
/// prefix of up to four characters by 0.1 per character when the Jaro score exceeds 0.7
/// (Winkler 1990, "String comparator metrics and enhanced decision rules in the Fellegi-Sunter model").
/// </summary>
public static class JaroWinkler
{
    /// <summary>The similarity in [0, 1]; 1 for equal strings, 0 when either is empty.</summary>
    public static double Similarity(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.SequenceEqual(right))
            return left.IsEmpty ? 0 : 1;
        if (left.IsEmpty || right.IsEmpty)
            return 0;
        if (left.Length > right.Length)
        {
            var swap = left;
            left = right;
            right = swap;
        }

        var window = Math.Max(0, right.Length / 2 - 1);
        Span<bool> rightMatched = right.Length <= 256 ? stackalloc bool[right.Length] : new bool[right.Length];
        Span<int> leftMatchedAt = left.Length <= 256 ? stackalloc int[left.Length] : new int[left.Length];
        var matches = 0;
        for (var i = 0; i < left.Length; i++)
        {
            leftMatchedAt[i] = -1;
            var from = Math.Max(0, i - window);
            var to = Math.Min(right.Length - 1, i + window);
            for (var j = from; j <= to; j++)
            {
                if (rightMatched[j] || left[i] != right[j])
                    continue;
                rightMatched[j] = true;
                leftMatchedAt[i] = j;
                matches++;
                break;
            }
        }
        if (matches == 0)
            return 0;

        // Transpositions: matched characters taken in order on each side that differ, halved.
        var halfTranspositions = 0;
        var k = 0;
        for (var i = 0; i < left.Length; i++)
        {
            if (leftMatchedAt[i] < 0)
                continue;
            while (!rightMatched[k])
                k++;
            if (left[i] != right[k])
                halfTranspositions++;
            k++;
        }

        double m = matches;
        var jaro = (m / left.Length + m / right.Length + (m - halfTranspositions / 2.0) / m) / 3.0;
        if (jaro <= 0.7)
            return jaro;
        var prefix = 0;
        var maxPrefix = Math.Min(4, left.Length);
        while (prefix < maxPrefix && left[prefix] == right[prefix])
            prefix++;
        return jaro + prefix * 0.1 * (1 - jaro);
    }
}
