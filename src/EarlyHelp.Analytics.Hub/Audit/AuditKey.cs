using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Audit;

/// <summary>
/// The secret that keys the audit trail: 32 random bytes kept in a file outside the hub, written as 64 hex
/// digits. Whoever can write the hub but does not hold the key can neither rewrite the chain after removing
/// an entry nor sign a checkpoint, so rolling the trail back shows.
/// </summary>
public sealed class AuditKey
{
    /// <summary>The environment variable naming the key file when no <c>--audit-key</c> is given.</summary>
    public const string EnvironmentVariable = "EARLYHELP_AUDIT_KEY_FILE";

    /// <summary>The key file's default name: the hub's path with this ending.</summary>
    public const string DefaultSuffix = ".auditkey";

    private const int KeyBytes = 32;

    private static readonly JsonSerializerOptions CanonicalJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly byte[] key;

    private AuditKey(string path, byte[] key, bool created = false)
    {
        Path = path;
        this.key = key;
        Created = created;
    }

    /// <summary>The file the key was read from.</summary>
    public string Path { get; }

    /// <summary>Whether this key was created just now (by <see cref="Create"/>), so that the keyed chain starts with it.</summary>
    public bool Created { get; }

    /// <summary>
    /// The key file for the hub at <paramref name="hubPath"/>: <paramref name="explicitPath"/> when given, else
    /// the file <see cref="EnvironmentVariable"/> names, else the hub's path followed by <see cref="DefaultSuffix"/>.
    /// </summary>
    public static string FileFor(string hubPath, string? explicitPath = null) =>
        HubFileAccess.Locate(hubPath, explicitPath, EnvironmentVariable, DefaultSuffix);

    /// <summary>Reads the key at <paramref name="path"/>; <see cref="BadInputException"/> when it is missing or is not 64 hex digits.</summary>
    public static AuditKey Read(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BadInputException(path, $"cannot read the audit key: {e.Message}");
        }
        byte[] key;
        try
        {
            key = Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            key = [];
        }
        if (key.Length != KeyBytes)
            throw new BadInputException(path, $"the audit key file must hold {2 * KeyBytes} hexadecimal digits on one line");
        return new AuditKey(path, key);
    }

    /// <summary>Creates a new random key at <paramref name="path"/>, readable by the owner only (see <see cref="HubFileAccess"/>), and returns it.</summary>
    public static AuditKey Create(string path)
    {
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        HubFileAccess.CreateFolder(folder);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        if (!HubFileAccess.CreateFileIfMissing(path))
            return Read(path);
        File.WriteAllText(path, Convert.ToHexStringLower(key) + "\n");
        return new AuditKey(path, key, created: true);
    }

    /// <summary>
    /// HMAC-SHA256 (RFC 2104) with this key of the UTF-8 JSON array of <paramref name="fields"/>, lower-case hex. The
    /// first field names what is signed (<c>audit</c>, <c>review</c>, <c>checkpoint</c>), so that one kind of record's
    /// MAC can never stand for another's.
    /// </summary>
    public string Mac(params object?[] fields) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(Canonical(fields))));

    /// <summary>
    /// The text that is hashed or signed: a JSON array. Quoting keeps field boundaries unambiguous; only quotes,
    /// backslashes and control characters are escaped, so the text is easy to rebuild elsewhere.
    /// </summary>
    public static string Canonical(params object?[] fields) => JsonSerializer.Serialize(fields, CanonicalJson);

    /// <summary>Compares two MACs in time that does not depend on where they differ.</summary>
    public static bool SameMac(string? expected, string? actual) =>
        expected is not null && actual is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));
}
