using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace EarlyHelp.Analytics.Learning.Models;

/// <summary>
/// A model's reproducible SHA-256: the same data and settings give the same fingerprint. ML.NET's
/// model zips differ between saves only in their entries' timestamps, so the hash covers what the
/// model is — the zip's entry names and uncompressed contents, sorted by name, then the tree export
/// — and not the zip's bytes. The entries hold ML.NET's version string, so an upgrade of ML.NET
/// changes the fingerprint.
/// </summary>
public static class ModelFingerprint
{
    /// <summary>Lower-case hex SHA-256 of the entries of <paramref name="modelZip"/> and the bytes of <paramref name="treeExport"/>.</summary>
    /// <exception cref="InvalidDataException">The zip cannot be read.</exception>
    public static string Of(byte[] modelZip, byte[] treeExport) => Of(modelZip, treeExport, ModelFiles.TreeExport);

    /// <summary>
    /// Lower-case hex SHA-256 of the entries of <paramref name="modelZip"/> and the bytes of the readable export, hashed
    /// under its file name (<paramref name="exportFile"/>), so that a tree export and a linear one never stand in for each other.
    /// </summary>
    /// <exception cref="InvalidDataException">The zip cannot be read.</exception>
    public static string Of(byte[] modelZip, byte[] treeExport, string exportFile)
    {
        ArgumentNullException.ThrowIfNull(modelZip);
        ArgumentNullException.ThrowIfNull(treeExport);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var archive = new ZipArchive(new MemoryStream(modelZip), ZipArchiveMode.Read))
        {
            foreach (var entry in archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                using var content = new MemoryStream();
                using (var stream = entry.Open())
                    stream.CopyTo(content);
                Append(hash, entry.FullName, content.ToArray());
            }
        }

        Append(hash, exportFile, treeExport);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>Name, a zero byte, the content's length (8 bytes, little-endian) and the content: no two sequences of entries run together alike.</summary>
    private static void Append(IncrementalHash hash, string name, byte[] content)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(name));
        Span<byte> header = stackalloc byte[9];
        header[0] = 0;
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], content.LongLength);
        hash.AppendData(header);
        hash.AppendData(content);
    }
}
