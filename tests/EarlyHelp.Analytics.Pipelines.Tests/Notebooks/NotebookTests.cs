using System.Diagnostics;

namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>Every notebook in <c>notebooks/</c> runs, cell after cell, as a file-based program: a cell that breaks fails the test with its output.</summary>
public sealed class NotebookTests
{
    private static readonly string Repository = FindRepository();

    public static TheoryData<string> Notebooks() =>
        new(Directory.EnumerateFiles(Path.Combine(Repository, "notebooks"), "*.ipynb").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Run_EveryCodeCellInOrder_Succeeds(string notebook)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-notebook-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            var program = Path.Combine(folder, Path.ChangeExtension(notebook, ".cs"));
            File.WriteAllText(program, NotebookProgram.From(Path.Combine(Repository, "notebooks", notebook), Repository));

            var (exitCode, output) = Run(program, Path.Combine(folder, "city"));

            Assert.True(exitCode == 0, $"{notebook} failed (exit code {exitCode}):\n{output}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string program, string cityFolder)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(program)! };
        foreach (var argument in new[] { "run", "-c", "Release", program })
            start.ArgumentList.Add(argument);
        start.Environment["EARLYHELP_NOTEBOOK_FOLDER"] = cityFolder;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, output + "\n(timed out after 5 minutes)");
        }
        return (process.ExitCode, output + error.Result);
    }

    private static string FindRepository()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "EarlyHelp.Analytics.sln")))
                return directory.FullName;
        }
        throw new InvalidOperationException($"No EarlyHelp.Analytics.sln above {AppContext.BaseDirectory}.");
    }
}
