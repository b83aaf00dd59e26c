using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary>Reading the learn verbs' files, with the learning engine's file faults turned into the command's bad-input errors.</summary>
internal static class LearnInput
{
    /// <summary>Reads a CSV dataset.</summary>
    /// <exception cref="BadInputException">The file cannot be read as a dataset.</exception>
    public static CsvDataset Read(string path, CsvColumns columns)
    {
        try
        {
            return CsvDatasetReader.Read(path, columns);
        }
        catch (DataFileException e)
        {
            throw new BadInputException(e.File, e.Line, e.Column, e.Reason);
        }
    }

    /// <summary>Loads a model file.</summary>
    /// <exception cref="BadInputException">The file is not a valid, unchanged model.</exception>
    public static ScoringModel LoadModel(string path)
    {
        try
        {
            return ModelFile.Load(path);
        }
        catch (DataFileException e)
        {
            throw new BadInputException(e.File, e.Line, e.Column, e.Reason);
        }
    }

    /// <summary>The names in a comma-separated <c>--id</c> value (none when absent).</summary>
    public static IReadOnlyList<string> Names(string? commaSeparated) =>
        string.IsNullOrWhiteSpace(commaSeparated)
            ? []
            : [.. commaSeparated.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];

    /// <summary>Parses <c>--monotone name:+1,name:-1</c>.</summary>
    /// <exception cref="UsageException">A pair is not <c>name:+1</c>, <c>name:-1</c> or <c>name:0</c>.</exception>
    public static Dictionary<string, int> Monotone(string? text)
    {
        var constraints = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in Names(text))
        {
            var colon = pair.LastIndexOf(':');
            var direction = colon < 0 ? null : pair[(colon + 1)..].Trim() switch
            {
                "+1" or "1" => 1,
                "-1" => -1,
                "0" => (int?)0,
                _ => null,
            };
            if (colon <= 0 || direction is null)
                throw new UsageException($"The '--monotone' option takes name:+1, name:-1 or name:0 pairs separated by commas. Got '{pair}'.");
            constraints[pair[..colon].Trim()] = direction.Value;
        }

        return constraints;
    }
}
