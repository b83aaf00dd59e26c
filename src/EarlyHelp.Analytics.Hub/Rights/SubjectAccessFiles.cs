using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace EarlyHelp.Analytics.Hub.Rights;

/// <summary>Writes a <see cref="SubjectAccessReport"/> as <c>subject-access.json</c> (complete, for systems) and <c>subject-access.html</c> (for the person).</summary>
public static class SubjectAccessFiles
{
    /// <summary>The JSON file's name.</summary>
    public const string JsonFile = "subject-access.json";

    /// <summary>The HTML file's name.</summary>
    public const string HtmlFile = "subject-access.html";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The report as the JSON file holds it: complete, snake_case fields.</summary>
    public static string JsonText(SubjectAccessReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>Writes both files into <paramref name="folder"/> (created if missing) and returns their paths.</summary>
    public static (string Json, string Html) Write(SubjectAccessReport report, string folder)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var json = Path.Combine(folder, JsonFile);
        var html = Path.Combine(folder, HtmlFile);
        File.WriteAllText(json, JsonText(report), Encoding.UTF8);
        File.WriteAllText(html, Html(report), Encoding.UTF8);
        return (json, html);
    }

    /// <summary>The readable page: one section per kind of data, in plain words.</summary>
    public static string Html(SubjectAccessReport report)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Your information held by the early help hub</title>")
            .Append("<style>body{font-family:Arial,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse;margin-bottom:1.5em}")
            .Append("th,td{border:1px solid #b1b4b6;padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f3f2f1}</style></head><body>");
        page.Append("<h1>Your information held by the early help hub</h1>")
            .Append(Paragraph(string.Create(CultureInfo.InvariantCulture, $"Prepared on {report.ExportedAt.UtcDateTime:d MMMM yyyy} for person {report.Person}. ")
                + "Information about other people (family members, other people named in records) is left out."));
        var identity = report.Identity;
        Section(page, "Who the hub thinks you are", ["forename", "surname", "date of birth", "postcode", "birth month"],
            [[identity?.Forename, identity?.Surname, identity?.DateOfBirth, identity?.Postcode, report.BirthMonth]]);
        Section(page, "Records about you that organisations sent, exactly as they sent them",
            ["organisation", "dataset", "record", "their reference for you", "forename", "surname", "date of birth", "sex", "address", "postcode", "NHS number",
                "ethnic group", "disability", "from", "to", "relationship", "match probability"],
            report.Records.Select(r => new[] { r.Agency, r.Dataset, r.RecordRef, r.AgencyRef, r.Forename, r.Surname, r.DateOfBirth, r.Sex, r.Address, r.Postcode,
                r.NhsNumber, r.Ethnicity, r.Disability, r.ValidFrom, r.ValidTo, r.Relationship, r.MatchProbability?.ToString("0.000", CultureInfo.InvariantCulture) }));
        Section(page, "Events in those records", ["what", "dataset", "record", "from", "to", "value"],
            report.Events.Select(e => new[] { e.Name, e.Dataset, e.RecordRef, e.Start, e.End, e.Value?.ToString(CultureInfo.InvariantCulture) }));
        Section(page, "Where the hub places you", ["address", "postcode", "from", "to"],
            report.Residences.Select(r => new[] { r.Address, r.Postcode, r.Start, r.End }));
        Section(page, "Families the hub places you in", ["family", "your role", "from", "to"],
            report.Families.Select(f => new[] { f.Family.ToString(CultureInfo.InvariantCulture), f.Role, f.Start, f.End }));
        Section(page, "Prompts for professional review about a family of yours (not decisions)", ["reference", "as of", "probability", "band", "hidden", "reviews", "data-quality queries"],
            report.Prompts.Select(p => new[] { p.Reference, p.AsOf, p.Probability.ToString("0.000", CultureInfo.InvariantCulture), p.Band, p.Hidden,
                string.Join("; ", p.Reviews.Select(v => $"{v.At} {v.Reviewer}: {v.Outcome} ({v.Reason})")),
                string.Join("; ", p.DataQuality.Select(q => $"query {q.Query} {q.At} {q.Actor}: {q.Status} {q.Dataset} ({q.Note})")) }));
        Section(page, "Scoring runs that counted a family of yours for comparison only (ranked just below those prompted; never shown to anyone)",
            ["family", "scoring run", "as of", "rank"],
            report.Comparisons.Select(c => new[] { c.Family.ToString(CultureInfo.InvariantCulture), c.Run.ToString(CultureInfo.InvariantCulture), c.AsOf,
                c.Rank.ToString(CultureInfo.InvariantCulture) }));
        Section(page, "Your objections and restrictions", ["recorded", "reason"], report.Objections.Select(o => new[] { o.RecordedAt, o.Reason }));
        Section(page, "Who looked for or at your information", ["when (UTC)", "who", "what", "purpose stated"],
            report.Accesses.Select(a => new[] { a.At, a.Actor, a.Action, a.Purpose }));
        return page.Append("</body></html>").ToString();
    }

    private static void Section(StringBuilder page, string title, IReadOnlyList<string> headings, IEnumerable<IReadOnlyList<string?>> rows)
    {
        page.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>");
        var body = rows.ToArray();
        if (body.Length == 0)
        {
            page.Append(Paragraph("None."));
            return;
        }
        page.Append("<table><thead><tr>");
        foreach (var heading in headings)
            page.Append("<th scope=\"col\">").Append(WebUtility.HtmlEncode(heading)).Append("</th>");
        page.Append("</tr></thead><tbody>");
        foreach (var row in body)
        {
            page.Append("<tr>");
            foreach (var cell in row)
                page.Append("<td>").Append(WebUtility.HtmlEncode(cell ?? "")).Append("</td>");
            page.Append("</tr>");
        }
        page.Append("</tbody></table>");
    }

    private static string Paragraph(string text) => "<p>" + WebUtility.HtmlEncode(text) + "</p>";
}
