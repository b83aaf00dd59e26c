namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Whether a pair agrees on something beyond the names: a date of birth (equal, transposed or one part
/// wrong), an address or postcode (the levels down to half the address words shared, and a postcode one
/// keying error away), the NHS number, the source's own person reference, or an extra field exactly. Two
/// records that share only a name are two namesakes as often as one person once a city holds hundreds of
/// thousands of people, however rare the name: the term-frequency weight of a name counts how rare it is in
/// the city, not that a family shares it (a mother and daughter both Anna Ionescu). So no link rests on names
/// alone, as in the ONS match-key linkage of the 2011 Census, where every key joins a name with a date of birth
/// or a place; such a pair waits for clerical review instead.
/// </summary>
internal sealed class Corroboration
{
    private readonly bool[][] corroborates;

    public Corroboration(LinkageModel model)
    {
        corroborates = model.Comparisons.Select(c => Levels(c.Name, c.Levels.Count)).ToArray();
    }

    /// <summary>Whether <paramref name="levels"/> (one per comparison of the model) agree on something beyond the names.</summary>
    public bool BeyondNames(ReadOnlySpan<sbyte> levels)
    {
        for (var c = 0; c < levels.Length; c++)
            if (levels[c] >= 0 && corroborates[c][levels[c]])
                return true;
        return false;
    }

    private static bool[] Levels(string comparison, int count)
    {
        var levels = new bool[count];
        int[] agreeing = comparison switch
        {
            // exact; day and month transposed; one of day, month, year differs (not "same year only", not "else").
            "birth_date" => [0, 1, 2],
            // same address and postcode .. half the address words shared; postcode one keying error (not the sector or district).
            "address" => [0, 1, 2, 3, 4, 6],
            // exact; one keying error.
            "nhs_number" => [0, 1],
            "source_reference" => [0],
            // a person related to one record lived at the other's postcode (group linkage).
            RelatedPersonAtAddress.ComparisonName => [RelatedPersonAtAddress.Agrees],
            _ when comparison.StartsWith("other:", StringComparison.Ordinal) => [0],
            _ => [],
        };
        foreach (var level in agreeing.Where(l => l < count))
            levels[level] = true;
        return levels;
    }
}
