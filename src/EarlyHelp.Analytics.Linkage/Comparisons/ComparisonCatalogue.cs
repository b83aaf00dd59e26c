namespace EarlyHelp.Analytics.Linkage;

/// <summary>The comparisons the library knows, by name, and which of them a set of records can use.</summary>
internal static class ComparisonCatalogue
{
    /// <summary>Every comparison for which at least two records have the field, in a fixed order.</summary>
    public static IReadOnlyList<Comparison> Available(PreparedRecords data, LinkageSettings settings) =>
        All(data.OtherFields, settings).Where(c => c.Present(data) >= 2).ToArray();

    /// <summary>The comparisons named in a model, in its order; refuses an unknown name.</summary>
    public static IReadOnlyList<Comparison> Named(IEnumerable<string> names, IReadOnlyList<string> otherFields, LinkageSettings settings)
    {
        // Group linkage's comparison is never estimated from records alone, but a model that has it must still score.
        var all = All(otherFields, settings).Append(new RelatedPersonAtAddress()).ToDictionary(c => c.Name, StringComparer.Ordinal);
        return names.Select(n => all.TryGetValue(n, out var c) ? c
            : throw new ArgumentException($"The model names a comparison '{n}' that this library does not know.")).ToArray();
    }

    /// <summary>The extra field names used by comparisons named "other:NAME".</summary>
    public static IReadOnlyList<string> OtherFieldsOf(IEnumerable<string> names) =>
        names.Where(n => n.StartsWith("other:", StringComparison.Ordinal)).Select(n => n["other:".Length..]).Order(StringComparer.Ordinal).ToArray();

    private static IEnumerable<Comparison> All(IReadOnlyList<string> otherFields, LinkageSettings settings)
    {
        var thresholds = settings.JaroWinklerThresholds;
        yield return new ForenameComparison(thresholds);
        yield return new SurnameComparison(thresholds);
        yield return new BirthDateComparison();
        yield return new SexComparison();
        yield return new AddressComparison(thresholds);
        yield return new NhsNumberComparison();
        yield return new SourceReferenceComparison();
        for (var f = 0; f < otherFields.Count; f++)
            yield return new OtherFieldComparison(f, otherFields[f], thresholds);
    }
}
