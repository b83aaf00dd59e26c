using System.Security.Cryptography;
using System.Text.Json;
using EarlyHelp.Analytics.Learning.Data;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// Saves and loads a <see cref="ScoringModel"/> as one JSON file:
/// <c>{ "format_version": 1, "sha256": "…", "model": { … } }</c>. The hash is that of the exact
/// UTF-8 bytes of the <c>model</c> value as they stand in the file, so a reader checks it without
/// re-serialising anything, and one file carries both model and seal (a separate
/// <c>.sha256</c> file could be lost or left behind when the model is copied). The format
/// version stands outside the hashed part because it says how to read the rest, the hash
/// included.
/// </summary>
public static class ModelFile
{
    /// <summary>
    /// The format this program writes and reads. Bump it on any change that a reader of the old
    /// format would misread, and say here what changed:
    /// 1 — trees as parallel arrays over stored bin bounds (split by bin, missing direction,
    ///     gain, hessian cover and row count per node; value, cover, count per leaf), base score,
    ///     optional calibrator of raw scores (<c>{ "kind": "platt", "a", "b" }</c> or
    ///     <c>{ "kind": "isotonic", "x", "y" }</c>), training options, metrics and metadata.
    /// </summary>
    public const int FormatVersion = 1;

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (through a temporary file, so a failure leaves no half-written model).</summary>
    public static void Save(ScoringModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, Serialize(model));
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads the model at <paramref name="path"/>, checking its format version and hash.</summary>
    /// <exception cref="DataFileException">The file is not a model of this format, or has been changed since it was saved.</exception>
    public static ScoringModel Load(string path)
    {
        if (!File.Exists(path))
            throw new DataFileException(path, 0, 0, "the model file does not exist.");
        return Deserialize(File.ReadAllBytes(path), path);
    }

    /// <summary>The file's bytes for <paramref name="model"/>: the same model always gives the same bytes.</summary>
    public static byte[] Serialize(ScoringModel model)
    {
        var body = Nested(ModelJson.Write(model));
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("format_version", FormatVersion);
            writer.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(body)));
            writer.WritePropertyName("model");
            writer.WriteRawValue(body, skipInputValidation: true);
            writer.WriteEndObject();
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>
    /// The body indented one level further, as it stands inside the envelope: JSON strings hold no
    /// raw line breaks, so every line break is between tokens.
    /// </summary>
    private static byte[] Nested(byte[] body)
    {
        var nested = new List<byte>(body.Length + body.Length / 8);
        foreach (var character in body)
        {
            nested.Add(character);
            if (character == (byte)'\n')
                nested.AddRange("  "u8);
        }

        return [.. nested];
    }

    /// <summary>Reads a model from the bytes of a model file; <paramref name="source"/> names it in errors.</summary>
    public static ScoringModel Deserialize(ReadOnlySpan<byte> bytes, string source)
    {
        var (version, hash, bodyStart, bodyEnd) = Envelope(bytes, source);
        var body = bytes[bodyStart..bodyEnd];
        if (version != FormatVersion)
            throw new DataFileException(source, 0, 0, $"the model file has format version {version}; this program reads format version {FormatVersion} only.");
        if (hash is null || body.IsEmpty)
            throw new DataFileException(source, 0, 0, "the model file has no 'sha256' or no 'model'.");
        if (!string.Equals(hash, Convert.ToHexStringLower(SHA256.HashData(body)), StringComparison.OrdinalIgnoreCase))
            throw new DataFileException(source, 0, 0, "the model's sha256 does not match its content: the file was changed after it was saved.");
        try
        {
            return ModelJson.Read(body);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            throw new DataFileException(source, 0, 0, $"the model is not valid: {e.Message}");
        }
    }

    /// <summary>The format version, the stored hash and the raw bytes of the <c>model</c> value.</summary>
    private static (long Version, string? Hash, int BodyStart, int BodyEnd) Envelope(ReadOnlySpan<byte> bytes, string source)
    {
        long? version = null;
        string? hash = null;
        var (bodyStart, bodyEnd) = (0, 0);
        try
        {
            var reader = new Utf8JsonReader(bytes);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                throw new DataFileException(source, 0, 0, "the model file is not a JSON object.");
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                switch (name)
                {
                    case "format_version" when reader.TokenType == JsonTokenType.Number:
                        version = reader.GetInt64();
                        break;
                    case "sha256" when reader.TokenType == JsonTokenType.String:
                        hash = reader.GetString();
                        break;
                    case "model" when reader.TokenType == JsonTokenType.StartObject:
                        bodyStart = (int)reader.TokenStartIndex;
                        reader.Skip();
                        bodyEnd = (int)reader.BytesConsumed;
                        break;
                    default:
                        reader.Skip();
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            throw new DataFileException(source, 0, 0, $"the model file is not valid JSON: {e.Message}");
        }

        if (version is null)
            throw new DataFileException(source, 0, 0, "the model file has no 'format_version'.");
        return (version.Value, hash, bodyStart, bodyEnd);
    }
}
