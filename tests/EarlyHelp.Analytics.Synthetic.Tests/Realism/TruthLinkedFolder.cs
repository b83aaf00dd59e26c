using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Tests.Realism;

/// <summary>
/// A generated city linked perfectly: an extract folder holding the true registers and every agency
/// extract with its person reference replaced by the true person id, which the hub's pre-linkage ingest
/// loads. The realism figures describe the true city, so they are computed on this folder; what actual
/// linkage does to them is a separate question.
/// </summary>
public static class TruthLinkedFolder
{
    /// <summary>Writes the perfectly linked folder of <paramref name="city"/> into <paramref name="folder"/>.</summary>
    public static void Write(GenerationResult city, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<ManifestFile>();
        foreach (var register in RegisterFiles.All)
        {
            var bytes = File.ReadAllBytes(Path.Combine(city.TruthDirectory, register.FileName));
            File.WriteAllBytes(Path.Combine(folder, register.FileName), bytes);
            files.Add(Entry(register.FileName, null, bytes));
        }
        var extract = new ExtractFolder(city);
        foreach (var dataset in DatasetCatalogue.All)
        {
            var layout = dataset.Layout;
            var table = CsvTable.Read(Path.Combine(city.ExtractDirectory, layout.FileName));
            var truth = extract.TruePeople(dataset.Code);
            var record = table.Column(layout.RecordIdColumn);
            var person = table.Column(layout.PersonIdColumn);
            var text = new StringBuilder();
            text.AppendJoin(',', table.Header.Select(Quote)).Append('\n');
            foreach (var row in table.Rows)
            {
                row[person] = truth[row[record]].ToString(System.Globalization.CultureInfo.InvariantCulture);
                text.AppendJoin(',', row.Select(Quote)).Append('\n');
            }
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            File.WriteAllBytes(Path.Combine(folder, layout.FileName), bytes);
            files.Add(Entry(layout.FileName, dataset.Code, bytes));
        }
        var manifest = city.Manifest with { Files = files };
        File.WriteAllText(Path.Combine(folder, ExtractManifest.FileName), manifest.ToJson());
    }

    private static ManifestFile Entry(string name, string? dataset, byte[] bytes) =>
        new(name, dataset, bytes.Count(b => b == (byte)'\n') - 1, Convert.ToHexStringLower(SHA256.HashData(bytes)));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
