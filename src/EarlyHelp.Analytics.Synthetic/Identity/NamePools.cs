using System.Text;
using Bogus.Bson;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// Forenames and surnames from Bogus's en_GB locale (which falls back to Bogus's English name lists),
/// loaded once and held as UTF-8 bytes for fast writing. People store indices into these pools.
/// </summary>
internal static class NamePools
{
    /// <summary>Female forenames.</summary>
    public static IReadOnlyList<byte[]> FemaleForenames { get; } = Load("female_first_name");

    /// <summary>Male forenames.</summary>
    public static IReadOnlyList<byte[]> MaleForenames { get; } = Load("male_first_name");

    /// <summary>Surnames.</summary>
    public static IReadOnlyList<byte[]> Surnames { get; } = Load("last_name");

    /// <summary>The forename of a person of the given sex at pool index <paramref name="index"/>.</summary>
    public static byte[] Forename(bool male, int index) => male ? MaleForenames[index] : FemaleForenames[index];

    private static byte[][] Load(string list)
    {
        if (Bogus.Database.Get("name", list, "en_GB", "en") is not BArray names || names.Count == 0)
            throw new InvalidOperationException($"Bogus has no '{list}' list for en_GB.");
        return Enumerable.Range(0, names.Count)
            .Select(i => names[i].StringValue)
            .Where(name => name.Length > 0 && name.All(c => char.IsLetter(c) || c is '\'' or '-'))
            .Select(Encoding.UTF8.GetBytes)
            .ToArray();
    }
}
