namespace EarlyHelp.Analytics.Hub.DataQuality;

/// <summary>A dataset of the hub's catalogue, as a data-quality query needs it.</summary>
/// <param name="Code">The code, e.g. <c>police.asb_incident</c>.</param>
/// <param name="Name">The plain name of one record, e.g. "Anti-social behaviour incident".</param>
/// <param name="Owner">The agency that holds it, who answers queries about it.</param>
public sealed record CatalogueDataset(string Code, string Name, string Owner);

/// <summary>
/// Which dataset a reviewer's words name: its code or its plain name, in any case. A query goes straight to the owner
/// only when exactly one dataset is named; words that name none, or several, leave the routing to a steward rather than
/// guess (a query sent to the wrong agency is a disclosure of what the panel said about a family).
/// </summary>
public static class DatasetMention
{
    /// <summary>The one dataset <paramref name="text"/> names, or null when it names none or more than one.</summary>
    public static CatalogueDataset? Find(string text, IEnumerable<CatalogueDataset> catalogue)
    {
        ArgumentNullException.ThrowIfNull(text);
        var named = catalogue
            .Where(d => text.Contains(d.Code, StringComparison.OrdinalIgnoreCase) || text.Contains(d.Name, StringComparison.OrdinalIgnoreCase))
            .Take(2)
            .ToArray();
        return named.Length == 1 ? named[0] : null;
    }
}
