using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Synthetic.Output;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>A CSV file written row by row in the generator's own quoting, its SHA-256 and data rows counted on the way for the manifest.</summary>
internal sealed class HashedCsvFile : IDisposable
{
    private const int FlushAt = 1 << 20;
    private readonly FileStream stream;
    private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly CsvBuffer buffer = new(FlushAt * 2);
    private readonly string name;
    private readonly string? dataset;
    private long rows;

    /// <summary>Creates <paramref name="path"/> and writes its header.</summary>
    public HashedCsvFile(string path, IReadOnlyList<string> columns, string? dataset)
    {
        stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        name = Path.GetFileName(path);
        this.dataset = dataset;
        buffer.Header(columns);
    }

    /// <summary>Writes one data row.</summary>
    public void Row(string[] fields)
    {
        foreach (var field in fields)
            buffer.Field(field);
        buffer.EndRow();
        rows++;
        if (buffer.Length >= FlushAt)
            Flush();
    }

    /// <summary>Closes the file and returns its manifest entry.</summary>
    public ManifestFile Finish()
    {
        Flush();
        stream.Dispose();
        return new ManifestFile(name, dataset, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stream.Dispose();
        hash.Dispose();
    }

    private void Flush()
    {
        stream.Write(buffer.Written);
        hash.AppendData(buffer.Written);
        buffer.Clear();
    }
}
