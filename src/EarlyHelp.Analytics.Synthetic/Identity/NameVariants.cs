namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>Short forms and transliteration variants of names, looked up by the name's spelling (case-insensitive).</summary>
internal static class NameVariants
{
    private static readonly Dictionary<string, string[]> Short =
        NameLists.ShortForms.ToDictionary(s => s.Name, s => s.Short, StringComparer.OrdinalIgnoreCase);

    private static readonly Dictionary<string, string[]> Spellings = NameLists.Transliterations
        .SelectMany(set => set.Select(name => (name, set)))
        .ToDictionary(p => p.name, p => p.set, StringComparer.OrdinalIgnoreCase);

    /// <summary>The short forms of <paramref name="name"/>, or null when it has none.</summary>
    public static string[]? ShortFormsOf(string name) => Short.GetValueOrDefault(name);

    /// <summary>Every spelling of <paramref name="name"/> (itself included), or null when it has no variants.</summary>
    public static string[]? SpellingsOf(string name) => Spellings.GetValueOrDefault(name);
}
