using System.Security.Cryptography;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>
/// The open files of a run: each written through a large buffer with its SHA-256 computed on the
/// way and its data rows counted, so that the manifest needs no second pass over the files.
/// </summary>
internal sealed class OutputWriter : IDisposable
{
    private readonly FileStream[] streams;
    private readonly IncrementalHash[] hashes;
    private readonly long[] rows;
    private readonly string[] directories;

    /// <summary>Creates every file of <see cref="OutputFiles.All"/> and writes its header.</summary>
    public OutputWriter(string extractDirectory, string truthDirectory)
    {
        var files = OutputFiles.All;
        streams = new FileStream[files.Count];
        hashes = new IncrementalHash[files.Count];
        rows = new long[files.Count];
        directories = [extractDirectory, truthDirectory];
        var header = new CsvBuffer();
        for (var i = 0; i < files.Count; i++)
        {
            streams[i] = new FileStream(Path.Combine(directories[files[i].IsTruth ? 1 : 0], files[i].Name),
                FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
            hashes[i] = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            header.Clear();
            header.Header(files[i].Columns);
            Append(i, header);
        }
    }

    /// <summary>Appends a buffer of whole rows to file <paramref name="file"/>.</summary>
    public void Append(int file, CsvBuffer buffer)
    {
        if (buffer.Length == 0)
            return;
        streams[file].Write(buffer.Written);
        hashes[file].AppendData(buffer.Written);
        rows[file] += buffer.Rows;
    }

    /// <summary>Closes every file and returns the manifest entries of the extract folder and of the truth folder.</summary>
    public (IReadOnlyList<ManifestFile> Extract, IReadOnlyList<ManifestFile> Truth) Finish()
    {
        var extract = new List<ManifestFile>();
        var truth = new List<ManifestFile>();
        for (var i = 0; i < streams.Length; i++)
        {
            streams[i].Flush();
            streams[i].Dispose();
            var file = OutputFiles.All[i];
            var entry = new ManifestFile(file.Name, file.Dataset, rows[i], Convert.ToHexStringLower(hashes[i].GetHashAndReset()));
            (file.IsTruth ? truth : extract).Add(entry);
        }
        return (extract, truth);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var stream in streams)
            stream?.Dispose();
        foreach (var hash in hashes)
            hash?.Dispose();
    }
}
