namespace EarlyHelp.Analytics.Linkage;

/// <summary>Interns a field's distinct values: each record holds an int, each distinct string is kept once.</summary>
internal sealed class ValuePool
{
    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);

    /// <summary>The distinct values, by id.</summary>
    public List<string> Values { get; } = [];

    /// <summary>The id of <paramref name="value"/>, adding it when new; -1 for null.</summary>
    public int Add(string? value)
    {
        if (value is null)
            return -1;
        if (ids.TryGetValue(value, out var id))
            return id;
        id = Values.Count;
        ids.Add(value, id);
        Values.Add(value);
        return id;
    }
}
