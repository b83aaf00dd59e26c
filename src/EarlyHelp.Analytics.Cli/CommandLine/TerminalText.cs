using System.Globalization;
using System.Text;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>
/// Text from outside (a name typed at a failed sign-in, a reason) made safe to print on a terminal: a control character
/// could move the cursor, recolour or retitle the terminal, or start a forged line, and a bidirectional override could
/// reorder what is shown. Each such character is shown as a visible escape, <c>\u001b</c>, and a backslash as <c>\\</c>,
/// so that the escaped text reads back unambiguously.
/// </summary>
internal static class TerminalText
{
    /// <summary><paramref name="text"/> with every control, format and line or paragraph separator character written as <c>\uXXXX</c>.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(NeedsEscape))
            return text;
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var character in text)
        {
            if (character == '\\')
                escaped.Append(@"\\");
            else if (NeedsEscape(character))
                escaped.Append(@"\u").Append(((int)character).ToString("x4", CultureInfo.InvariantCulture));
            else
                escaped.Append(character);
        }
        return escaped.ToString();
    }

    private static bool NeedsEscape(char character) =>
        character == '\\' || char.GetUnicodeCategory(character) is UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
}
