using System.Text;
using System.Text.Json;

namespace EarlyHelp.Analytics.Hub.Ingest;

/// <summary>
/// Where each value of a manifest sits (line and column), so that a fault found in a listed file —
/// a hash or row count that does not match, an unknown dataset — can point at the manifest entry.
/// </summary>
internal sealed class ManifestLocations
{
    private readonly byte[] text;
    private readonly Dictionary<(int File, string Property), int> offsets = [];

    private ManifestLocations(byte[] text)
    {
        this.text = text;
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        var fileIndex = -1;
        string? property = null;
        var inFiles = false;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    break;
                case JsonTokenType.StartArray when reader.CurrentDepth == 1 && property == "files":
                    inFiles = true;
                    break;
                case JsonTokenType.EndArray when reader.CurrentDepth == 1:
                    inFiles = false;
                    break;
                case JsonTokenType.StartObject when inFiles && reader.CurrentDepth == 2:
                    fileIndex++;
                    offsets[(fileIndex, "")] = (int)reader.TokenStartIndex;
                    break;
                default:
                    if (inFiles && reader.CurrentDepth == 3 && property is not null)
                        offsets[(fileIndex, property)] = (int)reader.TokenStartIndex;
                    break;
            }
        }
    }

    /// <summary>Reads the locations of a manifest that <see cref="Core.ExtractManifest.Read"/> accepted.</summary>
    public static ManifestLocations Read(string path) => new(File.ReadAllBytes(path));

    /// <summary>
    /// Line and column (from 1) of the value of <paramref name="property"/> in entry <paramref name="fileIndex"/>
    /// of <c>files</c>, or of the entry itself when the property is absent.
    /// </summary>
    public (int Line, int Column) Of(int fileIndex, string property)
    {
        if (!offsets.TryGetValue((fileIndex, property), out var offset) && !offsets.TryGetValue((fileIndex, ""), out offset))
            return (1, 1);
        var before = text.AsSpan(0, offset);
        var line = before.Count((byte)'\n') + 1;
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
