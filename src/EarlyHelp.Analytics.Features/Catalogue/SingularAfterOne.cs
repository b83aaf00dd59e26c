namespace EarlyHelp.Analytics.Features.Catalogue;

/// <summary>
/// The singular of what the feature descriptions count, for a value of one: "1 earlier early help episode that has
/// ended", not "1 earlier early help episodes that have ended". Each entry is the words that follow the value in a
/// description, so only a count is changed, never a later plural ("in the last 12 months").
/// </summary>
internal static class SingularAfterOne
{
    private static readonly (string Plural, string Singular)[] Phrases =
    [
        ("earlier early help episodes that have ended", "earlier early help episode that has ended"),
        ("early help episodes", "early help episode"),
        ("dependent children", "dependent child"),
        ("children", "child"),
        ("family members", "family member"),
        ("members", "member"),
        ("adults", "adult"),
        ("agencies", "agency"),
        ("moves", "move"),
        ("records", "record"),
        ("whole months", "whole month"),
        ("years old", "year old"),
    ];

    /// <summary>
    /// <paramref name="description"/> with the words after <paramref name="placeholder"/> made singular where they are a
    /// known plural count; unchanged otherwise.
    /// </summary>
    public static string Apply(string description, string placeholder)
    {
        var at = description.IndexOf(placeholder, StringComparison.Ordinal);
        if (at < 0)
            return description;
        var rest = at + placeholder.Length + 1;
        if (rest > description.Length || description[rest - 1] != ' ')
            return description;
        foreach (var (plural, singular) in Phrases)
        {
            var follows = string.CompareOrdinal(description, rest, plural, 0, plural.Length) == 0
                && (rest + plural.Length == description.Length || !char.IsLetter(description[rest + plural.Length]));
            if (follows)
                return string.Concat(description.AsSpan(0, rest), singular, description.AsSpan(rest + plural.Length));
        }
        return description;
    }
}
