using System.Globalization;

namespace EarlyHelp.Analytics.Benchmarks;

/// <summary>The options of a benchmark, named as the anchor script names them.</summary>
internal sealed class BenchmarkArguments
{
    private readonly Dictionary<string, string> values;

    private BenchmarkArguments(Dictionary<string, string> values) => this.values = values;

    public static BenchmarkArguments Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new ArgumentException($"Expected '--name value' pairs; got '{args[i]}'.");
            values[args[i][2..]] = args[i + 1];
        }

        return new BenchmarkArguments(values);
    }

    public string Text(string name) =>
        values.TryGetValue(name, out var value) ? value : throw new ArgumentException($"The option '--{name}' is required.");

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public int Integer(string name, int fallback) =>
        values.TryGetValue(name, out var value) ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;

    public double Number(string name, double fallback) =>
        values.TryGetValue(name, out var value) ? double.Parse(value, CultureInfo.InvariantCulture) : fallback;
}
