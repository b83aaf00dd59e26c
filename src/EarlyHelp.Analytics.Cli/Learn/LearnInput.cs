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

    /// <summary>Loads a model folder written by <c>learn fit</c>.</summary>
    /// <exception cref="BadInputException">The folder does not hold a valid, unchanged model.</exception>
    public static ScoringModel LoadModel(string path)
    {
        try
        {
            return ModelFiles.Load(path);
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
}
