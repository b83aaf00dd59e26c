namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>A CSV file read whole: its header and rows, with RFC 4180 quoting understood.</summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> columns;

    private CsvTable(string[] header, List<string[]> rows)
    {
        Header = header;
        Rows = rows;
        columns = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
    }

    public IReadOnlyList<string> Header { get; }

    public IReadOnlyList<string[]> Rows { get; }

    public int Column(string name) => columns.TryGetValue(name, out var index) ? index : throw new KeyNotFoundException($"No column '{name}'.");

    public static CsvTable Read(string path)
    {
        using var reader = new StreamReader(path);
        var header = Split(reader.ReadLine() ?? throw new InvalidDataException($"{path} is empty."));
        var rows = new List<string[]>();
        while (reader.ReadLine() is { } line)
            rows.Add(Split(line));
        return new CsvTable(header, rows);
    }

    private static string[] Split(string line)
    {
        if (!line.Contains('"'))
            return line.Split(',');
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
