using System.Text.Json.Nodes;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Tests.Fixtures;

/// <summary>A written extract folder, with the edits the fault tests make to it.</summary>
public sealed class ExtractFolder(string path)
{
    /// <summary>The folder.</summary>
    public string Path { get; } = path;

    /// <summary>The path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>The manifest's path.</summary>
    public string Manifest => File(ExtractManifest.FileName);

    /// <summary>The lines of a file (without line breaks).</summary>
    public string[] Lines(string name) => System.IO.File.ReadAllText(File(name)).TrimEnd('\n').Split('\n');

    /// <summary>Replaces field <paramref name="column"/> (from 1) on physical line <paramref name="line"/> (from 1) of a file, then re-signs the manifest.</summary>
    public ExtractFolder SetField(string name, int line, int column, string value)
    {
        var lines = Lines(name);
        var fields = lines[line - 1].Split(',');
        fields[column - 1] = value;
        lines[line - 1] = string.Join(',', fields);
        return SetLines(name, lines);
    }

    /// <summary>Replaces a whole line of a file, then re-signs the manifest.</summary>
    public ExtractFolder SetLine(string name, int line, string text)
    {
        var lines = Lines(name);
        lines[line - 1] = text;
        return SetLines(name, lines);
    }

    /// <summary>Writes a file's lines, then re-signs the manifest as the producer would have.</summary>
    public ExtractFolder SetLines(string name, IEnumerable<string> lines)
    {
        System.IO.File.WriteAllText(File(name), string.Join('\n', lines) + "\n");
        return Resign();
    }

    /// <summary>Sets every listed file's row count and SHA-256 from its current bytes.</summary>
    public ExtractFolder Resign()
    {
        var manifest = JsonNode.Parse(System.IO.File.ReadAllText(Manifest))!;
        foreach (var entry in manifest["files"]!.AsArray())
        {
            var file = File((string)entry!["path"]!);
            if (!System.IO.File.Exists(file))
                continue;
            entry["rows"] = System.IO.File.ReadAllText(file).TrimEnd('\n').Split('\n').Length - 1;
            entry["sha256"] = ExtractBuilder.Sha256(file);
        }
        System.IO.File.WriteAllText(Manifest, manifest.ToJsonString(ExtractManifest.JsonOptions) + "\n");
        return this;
    }

    /// <summary>Changes a property of the manifest entry of <paramref name="name"/> without re-signing.</summary>
    public ExtractFolder SetManifestEntry(string name, string property, JsonNode? value)
    {
        var manifest = JsonNode.Parse(System.IO.File.ReadAllText(Manifest))!;
        var entry = manifest["files"]!.AsArray().First(e => (string)e!["path"]! == name)!;
        entry[property] = value;
        System.IO.File.WriteAllText(Manifest, manifest.ToJsonString(ExtractManifest.JsonOptions) + "\n");
        return this;
    }

    /// <summary>Copies the folder, so that a test can corrupt the copy.</summary>
    public ExtractFolder CopyTo(string parent)
    {
        var copy = System.IO.Path.Combine(parent, $"copy-{Guid.NewGuid():N}");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.EnumerateFiles(Path))
            System.IO.File.Copy(file, System.IO.Path.Combine(copy, System.IO.Path.GetFileName(file)));
        return new ExtractFolder(copy);
    }
}
