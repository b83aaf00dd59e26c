using YamlDotNet.RepresentationModel;

namespace EarlyHelp.Analytics.Core.Catalogue;

/// <summary>
/// One YAML mapping of a configuration file read field by field, so that every fault names the file, the line and
/// the column of the key or value at fault. Keys not in the allowed list are refused: a misspelt key would
/// otherwise be ignored and its default used without a word.
/// </summary>
internal sealed class YamlFields
{
    private readonly string file;
    private readonly string what;
    private readonly YamlMappingNode mapping;

    /// <summary>Reads <paramref name="node"/> as a mapping describing <paramref name="what"/>, allowing only <paramref name="allowedKeys"/>.</summary>
    public YamlFields(string file, YamlNode node, string what, params string[] allowedKeys)
    {
        this.file = file;
        this.what = what;
        mapping = node as YamlMappingNode ?? throw At(file, node, $"{what} must be a mapping of 'key: value' lines");
        foreach (var key in mapping.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!allowedKeys.Contains(name, StringComparer.Ordinal))
                throw At(file, key, $"'{name}' is not a field of {what} (expected one of: {string.Join(", ", allowedKeys)})");
        }
    }

    /// <summary>Where the mapping starts, for faults about it as a whole.</summary>
    public YamlNode Node => mapping;

    /// <summary>The value of <paramref name="key"/>; a fault when it is missing or empty.</summary>
    public string Required(string key) =>
        Optional(key) ?? throw At(file, mapping, $"{what} has no '{key}'");

    /// <summary>Whether the mapping has <paramref name="key"/>, whatever its value.</summary>
    public bool Has(string key) => mapping.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>The value of <paramref name="key"/>, or null when the key is absent or its value empty.</summary>
    public string? Optional(string key)
    {
        if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
            return null;
        var scalar = value as YamlScalarNode ?? throw At(file, value, $"'{key}' of {what} must be a single value");
        return string.IsNullOrWhiteSpace(scalar.Value) ? null : scalar.Value.Trim();
    }

    /// <summary>A whole number in [<paramref name="minimum"/>, <paramref name="maximum"/>].</summary>
    public int RequiredInteger(string key, int minimum, int maximum)
    {
        var text = Required(key);
        if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            || number < minimum || number > maximum)
            throw ValueFault(key, $"'{key}' of {what} must be a whole number from {minimum} to {maximum}, not '{text}'");
        return number;
    }

    /// <summary>One of <paramref name="codes"/>, returned as the value it stands for.</summary>
    public T RequiredCode<T>(string key, IReadOnlyDictionary<string, T> codes)
    {
        var text = Required(key);
        return codes.TryGetValue(text, out var value)
            ? value
            : throw ValueFault(key, $"'{key}' of {what} must be one of {string.Join(", ", codes.Keys)}, not '{text}'");
    }

    /// <summary>The nested node under <paramref name="key"/>; a fault when it is missing.</summary>
    public YamlNode RequiredNode(string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : throw At(file, mapping, $"{what} has no '{key}'");

    /// <summary>A fault at the value of <paramref name="key"/> (or the mapping when the key is absent).</summary>
    public BadInputException ValueFault(string key, string reason) =>
        At(file, mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : mapping, reason);

    /// <summary>A fault at <paramref name="node"/>'s place in <paramref name="file"/>.</summary>
    public static BadInputException At(string file, YamlNode node, string reason) =>
        new(file, checked((int)node.Start.Line), checked((int)node.Start.Column), reason);
}
