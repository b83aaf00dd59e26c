namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>
/// Every notebook in <c>notebooks/</c> runs in the real kernel through dotnet-repl, as an analyst's would: a cell
/// that fails, whether or not dotnet-repl's exit code says so, fails the test with the cell's error.
/// </summary>
public sealed class NotebookTests : IDisposable
{
    /// <summary>What the notebooks' second cell references: the command line's Release build holds every project assembly.</summary>
    private static readonly string BuiltAssemblies = Path.Combine(Repository.Root, "src", "EarlyHelp.Analytics.Cli", "bin", "Release", "net10.0");

    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-notebook-test-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    public static TheoryData<string> Notebooks() =>
        new(Directory.EnumerateFiles(Path.Combine(Repository.Root, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [NotebookTheory]
    [MemberData(nameof(Notebooks))]
    public void Run_EveryCodeCell_NoneFails(string notebook)
    {
        Assert.True(File.Exists(Path.Combine(BuiltAssemblies, "EarlyHelp.Analytics.Pipelines.dll")),
            $"The notebooks reference the Release build in {BuiltAssemblies}; run 'dotnet build src/EarlyHelp.Analytics.Cli -c Release' first.");
        var source = Path.Combine(Repository.Root, "notebooks", notebook);
        var executed = Path.Combine(scratch, notebook);

        var (exitCode, output) = DotnetRepl.RunNotebook(source, executed, new Dictionary<string, string> { ["EARLYHELP_NOTEBOOK_FOLDER"] = Path.Combine(scratch, "city") });

        Assert.True(File.Exists(executed), $"{notebook}: dotnet-repl wrote no executed copy (exit code {exitCode}):\n{output}");
        var failures = NotebookOutputs.Failures(executed);
        Assert.True(exitCode == 0 && failures.Count == 0, $"{notebook}: exit code {exitCode}; {string.Join("\n", failures)}\n{output}");
        // Every code cell of these notebooks shows something (the packages installed, a table, a chart, a line of
        // text), except those that only reference the project's assemblies by path.
        Assert.Equal(NotebookOutputs.CodeCellCount(source), NotebookOutputs.CellsWithOutput(executed) + AssemblyReferenceCells(source));
    }

    [NotebookFact]
    public void Run_SecondOfThreeCellsThrows_ExitCode2AndTheErrorFoundWhileTheThirdStillRan()
    {
        // The behaviour the test above relies on, checked against the tool itself: dotnet-repl's exit code alone
        // would do, but the executed copy names the cell, and a later cell's output shows that the run went on.
        var notebook = Path.Combine(scratch, "failing.ipynb");
        File.WriteAllText(notebook, """
            {"cells": [
              {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}}, "outputs": [], "source": ["1 + 1"]},
              {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}}, "outputs": [], "source": ["throw new InvalidOperationException(\"broken on purpose\");"]},
              {"cell_type": "code", "execution_count": null, "metadata": {"dotnet_interactive": {"language": "csharp"}}, "outputs": [], "source": ["\"third cell ran\""]}
            ],
            "metadata": {"kernelspec": {"display_name": ".NET (C#)", "language": "C#", "name": ".net-csharp"}, "language_info": {"name": "polyglot-notebook"}},
            "nbformat": 4, "nbformat_minor": 2}
            """);
        var executed = Path.Combine(scratch, "failing-executed.ipynb");

        var (exitCode, output) = DotnetRepl.RunNotebook(notebook, executed, new Dictionary<string, string>(), workingDirectory: Repository.Root);

        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        var failure = Assert.Single(NotebookOutputs.Failures(executed));
        Assert.StartsWith("code cell 2:", failure, StringComparison.Ordinal);
        Assert.Contains("broken on purpose", failure, StringComparison.Ordinal);
        Assert.Contains("third cell ran", File.ReadAllText(executed), StringComparison.Ordinal);
    }

    /// <summary>Cells made only of <c>#r "path.dll"</c> lines and comments show nothing when they succeed.</summary>
    private static int AssemblyReferenceCells(string notebook) =>
        System.Text.Json.JsonDocument.Parse(File.ReadAllText(notebook)).RootElement.GetProperty("cells").EnumerateArray()
            .Where(cell => cell.GetProperty("cell_type").GetString() == "code")
            .Count(cell => cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()!.Trim())
                .All(line => line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)
                    || (line.StartsWith("#r ", StringComparison.Ordinal) && !line.Contains("nuget:", StringComparison.Ordinal))));
}
