using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace EarlyHelp.Analytics.Core.Catalogue;

/// <summary>
/// A YAML parser that remembers where the last event it read ended. YamlDotNet 18's scanner throws a bare
/// <see cref="InvalidOperationException"/> with no position on some broken input (an unclosed flow mapping), so this
/// is how such a fault can still name the line the file goes wrong after.
/// </summary>
internal sealed class TrackingParser(TextReader input) : IParser
{
    private readonly Parser parser = new(input);

    /// <summary>Where the last event read ended (line and column from 1); the start of the file before any.</summary>
    public Mark LastGood { get; private set; } = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => parser.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        var moved = parser.MoveNext();
        if (parser.Current is { } current)
            LastGood = current.End;
        return moved;
    }
}
