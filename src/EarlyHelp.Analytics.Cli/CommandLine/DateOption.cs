using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace EarlyHelp.Analytics.Cli.CommandLine;

/// <summary>Options whose value is an ISO date, <c>YYYY-MM-DD</c>.</summary>
internal static class DateOption
{
    /// <summary>A required date option named <paramref name="name"/>.</summary>
    public static Option<DateOnly> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        Required = true,
        CustomParser = result => Parse(result, name),
    };

    /// <summary>An optional date option named <paramref name="name"/>: null when not given.</summary>
    public static Option<DateOnly?> Optional(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result => Parse(result, name),
    };

    private static DateOnly Parse(ArgumentResult result, string name)
    {
        var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        result.AddError($"The '{name}' option must be a date written YYYY-MM-DD. Got '{text}' instead.");
        return default;
    }
}
