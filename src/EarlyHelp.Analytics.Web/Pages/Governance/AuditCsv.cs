using System.Globalization;
using System.Text;
using EarlyHelp.Analytics.Hub.Audit;

namespace EarlyHelp.Analytics.Web.Pages.Governance;

/// <summary>The audit log as CSV (RFC 4180), with the hashes, so that the chain can be checked outside the app too.</summary>
public static class AuditCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "id,at,actor,action,subject,detail,prev_hash,hash";

    /// <summary>The CSV text of <paramref name="entries"/>.</summary>
    public static string Write(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder(Header).Append("\r\n");
        foreach (var entry in entries)
        {
            csv.AppendJoin(',',
                entry.Id.ToString(CultureInfo.InvariantCulture), AuditEntry.FormatTime(entry.At), Field(entry.Actor), Field(entry.Action),
                Field(entry.Subject), Field(entry.Detail), entry.PreviousHash, entry.Hash).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>
    /// A field quoted when it holds a comma, quote or line break; and, as OWASP advises against formula injection,
    /// prefixed with an apostrophe when it starts with a character a spreadsheet would read as a formula.
    /// </summary>
    public static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
