using System.Net;
using System.Text.RegularExpressions;

namespace EarlyHelp.Analytics.Web.Benchmarks;

/// <summary>Reads the fields a browser would send back from a page's form.</summary>
internal static class HtmlForm
{
    /// <summary>
    /// The value of the first input named <paramref name="name"/>, whatever the order of its attributes; empty when
    /// it has no value attribute, as a browser sends it (Razor leaves the attribute out for a null value).
    /// </summary>
    public static string Value(string html, string name)
    {
        var input = Regex.Match(html, $"<input[^>]*\\bname=\"{Regex.Escape(name)}\"[^>]*>");
        if (!input.Success)
            throw new InvalidOperationException($"The page has no input named '{name}'.");
        var value = Regex.Match(input.Value, "\\bvalue=\"([^\"]*)\"");
        return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : "";
    }
}
