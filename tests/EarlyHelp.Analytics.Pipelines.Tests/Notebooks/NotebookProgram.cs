using System.Text;
using System.Text.Json;

namespace EarlyHelp.Analytics.Pipelines.Tests.Notebooks;

/// <summary>
/// A Polyglot notebook's C# code cells, in order, as a .NET 10 file-based program: the cells' <c>#r</c>
/// references to the built assemblies become <c>#:project</c> references to the projects, and the cells'
/// <c>using</c> directives move to the top, where a program needs them.
/// </summary>
internal static class NotebookProgram
{
    /// <summary>The projects a notebook may use: everything its <c>#r</c> lines can reference comes through these two.</summary>
    private static readonly string[] Projects = ["EarlyHelp.Analytics.Pipelines", "EarlyHelp.Analytics.Synthetic"];

    /// <summary>The program for the notebook at <paramref name="path"/>, with projects under <paramref name="repository"/>.</summary>
    public static string From(string path, string repository)
    {
        using var notebook = JsonDocument.Parse(File.ReadAllText(path));
        var usings = new List<string>();
        var body = new StringBuilder();
        foreach (var cell in notebook.RootElement.GetProperty("cells").EnumerateArray())
        {
            if (cell.GetProperty("cell_type").GetString() != "code")
                continue;
            var source = string.Concat(cell.GetProperty("source").EnumerateArray().Select(line => line.GetString()));
            foreach (var line in source.Split('\n'))
            {
                if (line.StartsWith("#r ", StringComparison.Ordinal) || line.StartsWith("#!", StringComparison.Ordinal))
                    continue;
                if (line.StartsWith("using ", StringComparison.Ordinal) && line.TrimEnd().EndsWith(';') && !line.Contains('('))
                    usings.Add(line.TrimEnd());
                else
                    body.Append(line).Append('\n');
            }
            body.Append('\n');
        }
        var program = new StringBuilder();
        foreach (var project in Projects)
            program.Append("#:project ").Append(Path.Combine(repository, "src", project, project + ".csproj")).Append('\n');
        // A file-based program publishes ahead of time by default, which needs a runtime pack this machine does not have.
        program.Append("#:property PublishAot=false\n");
        foreach (var line in usings.Distinct())
            program.Append(line).Append('\n');
        return program.Append(body).ToString();
    }
}
