using System.Buffers;
using System.Text;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// The stored form of a prompt's family context (the <c>prompt.context</c> column): JSON written by hand with its own
/// field names and a format number, like <see cref="PromptContentJson"/>, so that renaming a record never changes what is stored.
/// </summary>
internal static class PromptContextJson
{
    /// <summary>The format this program writes.</summary>
    public const int Format = 1;

    /// <summary>The JSON text of <paramref name="context"/>.</summary>
    public static string Write(PromptContext context)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", Format);
            json.WriteString("as_of", HubQueries.FormatDate(context.AsOf));
            json.WriteStartArray("members");
            foreach (var member in context.Members)
            {
                json.WriteStartObject();
                json.WriteString("role", member.Role.Code());
                json.WriteNumber("age", member.Age);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("records");
            foreach (var record in context.Records)
            {
                json.WriteStartObject();
                json.WriteString("dataset", record.Dataset);
                json.WriteString("start", HubQueries.FormatDate(record.Start));
                json.WriteString("end", record.End is { } end ? HubQueries.FormatDate(end) : null);
                if (record.Contact is { } contact)
                {
                    json.WriteStartObject("contact");
                    json.WriteString("worker", contact.Worker);
                    json.WriteString("role", contact.Role);
                    json.WriteString("team", contact.Team);
                    json.WriteString("phone", contact.Phone);
                    json.WriteString("email", contact.Email);
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads a stored context; throws <see cref="FormatException"/> for a format this program does not know.</summary>
    public static PromptContext Read(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var format = root.GetProperty("format").GetInt32();
        if (format != Format)
            throw new FormatException($"Prompt context has format {format}; this program reads format {Format}.");
        return new PromptContext(
            HubQueries.ParseDate(root.GetProperty("as_of").GetString()!),
            root.GetProperty("members").EnumerateArray().Select(m => new MemberAge(Role(m.GetProperty("role").GetString()), m.GetProperty("age").GetInt32())).ToArray(),
            root.GetProperty("records").EnumerateArray().Select(r => new InvolvementRecord(
                r.GetProperty("dataset").GetString()!, HubQueries.ParseDate(r.GetProperty("start").GetString()!),
                r.GetProperty("end").GetString() is { } end ? HubQueries.ParseDate(end) : null,
                r.TryGetProperty("contact", out var c) ? new WorkerContact(Text(c, "worker"), Text(c, "role"), Text(c, "team"), Text(c, "phone"), Text(c, "email")) : null))
                .ToArray());
    }

    private static FamilyRole Role(string? code) =>
        FamilyRoles.TryParse(code, out var role) ? role : throw new FormatException($"Unknown family role '{code}' in prompt context.");

    private static string? Text(JsonElement element, string name) => element.GetProperty(name).GetString();
}
