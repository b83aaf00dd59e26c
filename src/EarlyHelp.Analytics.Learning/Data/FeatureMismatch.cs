namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>Describes how a set of feature names differs from the one expected.</summary>
internal static class FeatureMismatch
{
    /// <summary>"missing 'b'; unexpected 'c', 'd'", or null when both hold the same names.</summary>
    public static string? Describe(IEnumerable<string> expected, IEnumerable<string> actual)
    {
        var missing = expected.Except(actual, StringComparer.Ordinal).ToList();
        var unexpected = actual.Except(expected, StringComparer.Ordinal).ToList();
        var parts = new List<string>();
        if (missing.Count > 0)
            parts.Add("missing " + Quoted(missing));
        if (unexpected.Count > 0)
            parts.Add("unexpected " + Quoted(unexpected));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }

    /// <summary>Throws when <paramref name="data"/>'s features are not <paramref name="expected"/>, in the same order.</summary>
    /// <exception cref="ArgumentException">The names or their order differ (the message says how).</exception>
    public static void Check(IReadOnlyList<string> expected, DenseDataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.FeatureNames.SequenceEqual(expected, StringComparer.Ordinal))
            return;
        var detail = Describe(expected, data.FeatureNames) ?? "they are in another order";
        throw new ArgumentException($"The data's features do not match the model's: {detail}.", nameof(data));
    }

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"'{name}'"));
}
