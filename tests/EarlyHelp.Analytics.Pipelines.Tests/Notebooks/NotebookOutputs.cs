using System.Text.Json;

namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>What an executed notebook (nbformat 4) says about its code cells.</summary>
internal static class NotebookOutputs
{
    /// <summary>
    /// One line per failed code cell, numbered from 1 among the code cells: its error outputs' names and messages.
    /// A cell fails when it has an output of type <c>error</c> (nbformat 4's record of an exception or a compile error).
    /// </summary>
    public static IReadOnlyList<string> Failures(string executedNotebook)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(executedNotebook));
        var failures = new List<string>();
        var number = 0;
        foreach (var cell in CodeCells(notebook))
        {
            number++;
            var errors = cell.GetProperty("outputs").EnumerateArray()
                .Where(output => output.GetProperty("output_type").GetString() == "error")
                .Select(output => $"{Text(output, "ename")}: {Text(output, "evalue")}")
                .ToArray();
            if (errors.Length > 0)
                failures.Add($"code cell {number}: {string.Join(" | ", errors)}");
        }
        return failures;
    }

    /// <summary>How many code cells have at least one output.</summary>
    public static int CellsWithOutput(string executedNotebook)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(executedNotebook));
        return CodeCells(notebook).Count(cell => cell.GetProperty("outputs").GetArrayLength() > 0);
    }

    /// <summary>How many code cells the notebook has.</summary>
    public static int CodeCellCount(string notebookPath)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(notebookPath));
        return CodeCells(notebook).Count();
    }

    private static IEnumerable<JsonElement> CodeCells(JsonDocument notebook) =>
        notebook.RootElement.GetProperty("cells").EnumerateArray().Where(cell => cell.GetProperty("cell_type").GetString() == "code").ToArray();

    private static string Text(JsonElement output, string property) =>
        output.TryGetProperty(property, out var value) ? value.GetString() ?? "" : "";
}
