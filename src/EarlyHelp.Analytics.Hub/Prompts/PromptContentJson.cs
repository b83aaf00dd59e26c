using System.Buffers;
using System.Text;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// The stored form of a prompt's content (the <c>prompt.content</c> column): JSON with its own field names and
/// a format number, written by hand rather than by reflection so that renaming a domain record never changes
/// what is stored. Format 1 is the first; a change of shape is a new number, and older numbers stay readable.
/// </summary>
internal static class PromptContentJson
{
    /// <summary>The format this program writes.</summary>
    public const int Format = 1;

    /// <summary>The JSON text of <paramref name="content"/>.</summary>
    public static string Write(PromptContent content)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            WriteArray(json, "evidence", content.Evidence, item =>
            {
                if (item.Category is { } category)
                    json.WriteString("category", category.Code());
                else
                    json.WriteNull("category");
                json.WriteString("text", item.Text);
                json.WriteNumber("contribution", item.Contribution);
                WriteDate(json, "most_recent", item.MostRecent);
            });
            WriteArray(json, "trajectories", content.Trajectories, trajectory =>
            {
                json.WriteString("category", trajectory.Category.Code());
                json.WriteString("first_month", trajectory.FirstMonth.ToString());
                json.WriteStartArray("counts");
                foreach (var count in trajectory.MonthlyCounts)
                    json.WriteNumberValue(count);
                json.WriteEndArray();
            });
            WriteArray(json, "agencies", content.Agencies, agency =>
            {
                json.WriteString("agency", agency.Agency);
                json.WriteString("dataset", agency.Dataset);
                WriteDate(json, "since", agency.Since);
            });
            WriteArray(json, "freshness", content.Freshness, source =>
            {
                json.WriteString("agency", source.Agency);
                json.WriteString("dataset", source.Dataset);
                WriteDate(json, "latest_record", source.LatestRecord);
                WriteDate(json, "extract_date", source.ExtractDate);
            });
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads stored content; throws <see cref="FormatException"/> for a format this program does not know.</summary>
    public static PromptContent Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var format = root.GetProperty("format").GetInt32();
        if (format != Format)
            throw new FormatException($"Prompt content has format {format}; this program reads format {Format}.");
        return new PromptContent(
            root.GetProperty("evidence").EnumerateArray().Select(e => new EvidenceItem(
                e.GetProperty("category").ValueKind == JsonValueKind.Null ? null : Category(e), e.GetProperty("text").GetString()!, e.GetProperty("contribution").GetDouble(), OptionalDate(e, "most_recent"))).ToArray(),
            root.GetProperty("trajectories").EnumerateArray().Select(t => new ProblemTrajectory(
                Category(t), Month(t.GetProperty("first_month").GetString()),
                t.GetProperty("counts").EnumerateArray().Select(c => c.GetInt32()).ToArray())).ToArray(),
            root.GetProperty("agencies").EnumerateArray().Select(a => new AgencyInvolvement(
                a.GetProperty("agency").GetString()!, a.GetProperty("dataset").GetString()!, RequiredDate(a, "since"))).ToArray(),
            root.GetProperty("freshness").EnumerateArray().Select(f => new SourceFreshness(
                f.GetProperty("agency").GetString()!, f.GetProperty("dataset").GetString()!,
                OptionalDate(f, "latest_record"), RequiredDate(f, "extract_date"))).ToArray());
    }

    private static void WriteArray<T>(Utf8JsonWriter json, string name, IEnumerable<T> items, Action<T> writeFields)
    {
        json.WriteStartArray(name);
        foreach (var item in items)
        {
            json.WriteStartObject();
            writeFields(item);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteDate(Utf8JsonWriter json, string name, DateOnly? date)
    {
        if (date is { } value)
            json.WriteString(name, HubQueries.FormatDate(value));
        else
            json.WriteNull(name);
    }

    private static ProblemCategory Category(JsonElement element) =>
        ProblemCategories.TryParse(element.GetProperty("category").GetString(), out var category)
            ? category
            : throw new FormatException($"Unknown problem category '{element.GetProperty("category").GetString()}' in prompt content.");

    private static YearMonth Month(string? text) =>
        YearMonth.TryParse(text, out var month) ? month : throw new FormatException($"'{text}' is not a month in prompt content.");

    private static DateOnly RequiredDate(JsonElement element, string name) =>
        OptionalDate(element, name) ?? throw new FormatException($"Prompt content lacks the date '{name}'.");

    private static DateOnly? OptionalDate(JsonElement element, string name) =>
        element.GetProperty(name) is { ValueKind: JsonValueKind.String } value ? HubQueries.ParseDate(value.GetString()!) : null;
}
