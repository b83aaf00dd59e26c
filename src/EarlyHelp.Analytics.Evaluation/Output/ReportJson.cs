using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EarlyHelp.Analytics.Evaluation.Output;

/// <summary>
/// How reports are written as JSON: indented, names as the report records declare them, and a
/// value that is not defined (NaN, such as a rate over nobody) written as <c>null</c>.
/// </summary>
public static class ReportJson
{
    /// <summary>The serializer options for report files.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        WriteIndented = true,
        // Reports are files for people and tools, not HTML: keep names such as "×" readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new UndefinedAsNullConverter() },
    };

    /// <summary>A report as JSON text.</summary>
    public static string Serialize<T>(T report) => JsonSerializer.Serialize(report, Options);

    /// <summary>Writes finite numbers as numbers and NaN or infinities as null; reads null back as NaN.</summary>
    private sealed class UndefinedAsNullConverter : JsonConverter<double>
    {
        public override bool HandleNull => true;

        public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

        public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
        {
            if (double.IsFinite(value))
                writer.WriteNumberValue(value);
            else
                writer.WriteNullValue();
        }
    }
}
