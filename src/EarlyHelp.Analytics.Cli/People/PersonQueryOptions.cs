using System.CommandLine;
using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Rights;

namespace EarlyHelp.Analytics.Cli.People;

/// <summary>The options that describe who is looked for: name, date of birth and postcode, as the person asking gave them.</summary>
internal sealed class PersonQueryOptions
{
    private readonly Option<string> forename = new("--forename") { Description = "Forename as the person gives it.", HelpName = "NAME" };
    private readonly Option<string> surname = new("--surname") { Description = "Surname as the person gives it.", HelpName = "NAME" };
    private readonly Option<string> birthDate = new("--dob") { Description = "Date of birth.", HelpName = "YYYY-MM-DD" };
    private readonly Option<string?> postcode = new("--postcode") { Description = "Postcode (optional; it sharpens the ranking).", HelpName = "POSTCODE" };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { forename, surname, birthDate, postcode })
            command.Options.Add(option);
    }

    /// <summary>Whether any of the search options was given.</summary>
    public bool AnyGiven(ParseResult parseResult) =>
        new[] { parseResult.GetValue(forename), parseResult.GetValue(surname), parseResult.GetValue(birthDate) }.Any(value => value is { Length: > 0 });

    /// <summary>The query; <see cref="UsageException"/> naming the first option missing or malformed.</summary>
    public PersonQuery Read(ParseResult parseResult)
    {
        string Required(Option<string> option) => parseResult.GetValue(option) is { } text && text.Trim().Length > 0
            ? text.Trim()
            : throw new UsageException($"The '{option.Name}' option is required to find a person.");
        var first = Required(forename);
        var last = Required(surname);
        var dob = Required(birthDate);
        if (!DateOnly.TryParseExact(dob, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new UsageException($"The '--dob' option must be a date written YYYY-MM-DD. Got '{dob}' instead.");
        return new PersonQuery(first, last, date, parseResult.GetValue(postcode) is { Length: > 0 } given ? given.Trim() : null);
    }

    /// <summary>Writes the ranked candidates as a table.</summary>
    public static void Write(TextWriter output, IReadOnlyList<PersonCandidate> candidates)
    {
        if (candidates.Count == 0)
        {
            output.WriteLine("No candidate: no record shares the date of birth, the surname or the postcode.");
            return;
        }
        var table = new TextTable("rank", "person", "match weight", "probability", "band", "forename", "surname", "date of birth", "postcode", "records");
        for (var rank = 0; rank < candidates.Count; rank++)
        {
            var c = candidates[rank];
            table.Add((rank + 1).ToString(CultureInfo.InvariantCulture), c.Person.ToString(), c.MatchWeight.ToString("0.0", CultureInfo.InvariantCulture),
                c.MatchProbability.ToString("0.0000", CultureInfo.InvariantCulture), Band(c.Band), TerminalText.Escape(c.Identity?.Forename ?? ""),
                TerminalText.Escape(c.Identity?.Surname ?? ""), c.Identity?.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                TerminalText.Escape(c.Identity?.Postcode ?? ""), c.Records.ToString(CultureInfo.InvariantCulture));
        }
        table.WriteTo(output);
    }

    private static string Band(Linkage.LinkageBand band) => band switch
    {
        Linkage.LinkageBand.Linked => "linked",
        Linkage.LinkageBand.ClericalReview => "review",
        _ => "not linked",
    };
}
