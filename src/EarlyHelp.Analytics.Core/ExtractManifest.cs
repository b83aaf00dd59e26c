using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Core;

/// <summary>
/// <c>manifest.json</c> of an extract folder: what produced it, the date the data was extracted
/// (the reference date for retention), and each file with its row count and SHA-256.
/// </summary>
public sealed record ExtractManifest
{
    /// <summary>File name of the manifest inside an extract folder.</summary>
    public const string FileName = "manifest.json";

    /// <summary>
    /// Name of the optional copy of the dataset catalogue the extracts were written to; when a folder holds one, ingest
    /// refuses the folder unless it is the catalogue in use.
    /// </summary>
    public const string CatalogueFileName = "datasets.yaml";

    /// <summary>What produced the extracts, e.g. <c>EarlyHelp.Analytics.Synthetic</c>.</summary>
    public required string Producer { get; init; }

    /// <summary>Version of the producer; a change in it may change the output.</summary>
    public required string ProducerVersion { get; init; }

    /// <summary>The date the data was extracted: nothing is dated after it, and retention is counted back from it.</summary>
    public required DateOnly ExtractDate { get; init; }

    /// <summary>Seed of a synthetic run; null for real extracts.</summary>
    public long? Seed { get; init; }

    /// <summary>Parameters of a synthetic run, as name and value.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Each file in the folder.</summary>
    public required IReadOnlyList<ManifestFile> Files { get; init; }

    /// <summary>JSON settings shared by writer and reader: snake_case names, indented.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Serialises the manifest as indented JSON with a final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Reads a manifest; throws <see cref="BadInputException"/> naming the file when it is malformed.</summary>
    public static ExtractManifest Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<ExtractManifest>(File.ReadAllText(path), JsonOptions)
                ?? throw new BadInputException(path, "the manifest is empty");
        }
        catch (JsonException e)
        {
            throw new BadInputException(path, (int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1,
                $"the manifest is not valid: {e.Message.Split('.')[0]}");
        }
    }
}

/// <summary>One file listed in a manifest.</summary>
/// <param name="Path">Path relative to the manifest's folder.</param>
/// <param name="Dataset">Dataset code for an agency extract; null for a register file.</param>
/// <param name="Rows">Data rows (the header excluded).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the file's bytes.</param>
public sealed record ManifestFile(string Path, string? Dataset, long Rows, string Sha256);
