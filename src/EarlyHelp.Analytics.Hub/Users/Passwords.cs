using System.Globalization;
using System.Security.Cryptography;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>
/// Rules for passwords, and generated passwords. Following NIST SP 800-63B-4 section 3.1.1.2: length rather than
/// composition rules, and a check against commonly used, repetitive or sequential values and the user's own name.
/// </summary>
public static class Passwords
{
    /// <summary>
    /// The shortest password accepted: 15 characters, NIST SP 800-63B-4 section 3.1.1.2's minimum for a password
    /// that is the only factor. Length, not composition rules, is what that guidance asks for.
    /// </summary>
    public const int MinimumLength = 15;

    /// <summary>The longest password accepted (the guidance asks for at least 64 to be allowed).</summary>
    public const int MaximumLength = 128;

    /// <summary>The fewest different characters a password must hold: "aaaaaaaaaaaaaab" is no better than a short password.</summary>
    public const int MinimumDistinctCharacters = 5;

    private const string GeneratedAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>Orders a password may walk along: the alphabet, the digits, keyboard rows and columns (each also backwards).</summary>
    private static readonly string[] Sequences = ["abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiopasdfghjklzxcvbnm", "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p"];

    /// <summary>Look-alike symbols and digits used for letters ("p@ssw0rd").</summary>
    private static readonly Dictionary<char, char> LookAlikes = new() { ['@'] = 'a', ['4'] = 'a', ['$'] = 's', ['5'] = 's', ['0'] = 'o', ['3'] = 'e', ['1'] = 'i', ['!'] = 'i', ['7'] = 't' };

    private static readonly Lazy<HashSet<string>> CommonWords = new(ReadCommonWords);

    /// <summary>A random password of five groups of five characters (about 123 bits), e.g. <c>k7qmz-2xzta-…</c>.</summary>
    public static string Generate()
    {
        var groups = Enumerable.Range(0, 5).Select(_ =>
            new string(Enumerable.Range(0, 5).Select(_ => GeneratedAlphabet[RandomNumberGenerator.GetInt32(GeneratedAlphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }

    /// <summary>Problems with a new password for <paramref name="username"/> (when known), one message each.</summary>
    public static IEnumerable<string> Check(string? password, string? username = null)
    {
        var length = password?.Length ?? 0;
        if (length > 0 && string.IsNullOrWhiteSpace(password))
        {
            yield return "The password must not be only spaces.";
            yield break;
        }
        if (length < MinimumLength)
            yield return string.Create(CultureInfo.InvariantCulture, $"The password must be at least {MinimumLength} characters. Got {length} instead.");
        else if (length > MaximumLength)
            yield return string.Create(CultureInfo.InvariantCulture, $"The password must be at most {MaximumLength} characters. Got {length} instead.");
        if (password is null || length < MinimumLength)
            yield break;

        var lower = password.ToLowerInvariant();
        if (CommonWord(lower) is { } word)
            yield return $"The password is built on '{word}', one of the most used passwords. Choose several unrelated words instead.";
        else if (IsRepetition(lower) || lower.Distinct().Count() < MinimumDistinctCharacters)
            yield return "The password repeats a character or a pattern (like 'aaaa…' or 'abcabc…'). Choose several unrelated words instead.";
        else if (IsSequence(lower))
            yield return "The password is a run of letters, digits or keys (like '1234…' or 'qwerty…'). Choose several unrelated words instead.";
        var name = Usernames.Normalise(username);
        if (name.Length >= Usernames.MinimumLength && lower.Contains(name, StringComparison.Ordinal))
            yield return "The password must not contain your user name.";
    }

    /// <summary>
    /// The common word the password is built on, or null: the password's letters alone, or its letters once look-alikes
    /// are read back and the digits and symbols around it dropped, are a common word or one repeated ("password2024",
    /// "P@ssw0rd!!!!!!!!", "monkeymonkeymonkey").
    /// </summary>
    private static string? CommonWord(string lower)
    {
        var letters = new string(lower.Where(char.IsLetter).ToArray());
        var core = lower.Trim().TrimStart(NotLetters(lower)).TrimEnd(NotLetters(lower));
        var readBack = new string(core.Select(c => LookAlikes.GetValueOrDefault(c, c)).Where(char.IsLetter).ToArray());
        foreach (var candidate in new[] { letters, readBack })
        {
            var unit = candidate[..RepeatingUnitLength(candidate)];
            if (unit.Length > 0 && CommonWords.Value.Contains(unit))
                return unit;
        }
        return null;
    }

    private static char[] NotLetters(string text) => text.Where(c => !char.IsLetter(c)).Distinct().ToArray();

    /// <summary>Whether the text is one shorter piece written out two or more times.</summary>
    private static bool IsRepetition(string text) => RepeatingUnitLength(text) < text.Length;

    /// <summary>The length of the shortest piece the text is made of by repetition (the whole length when there is none).</summary>
    private static int RepeatingUnitLength(string text)
    {
        for (var unit = 1; unit <= text.Length / 2; unit++)
        {
            if (text.Length % unit == 0 && string.Concat(Enumerable.Repeat(text[..unit], text.Length / unit)) == text)
                return unit;
        }
        return text.Length;
    }

    /// <summary>Whether the letters and digits, spaces and symbols aside, walk along one of <see cref="Sequences"/>, forwards or backwards, wrapping round.</summary>
    private static bool IsSequence(string lower)
    {
        var walk = new string(lower.Where(char.IsLetterOrDigit).ToArray());
        if (walk.Length < MinimumDistinctCharacters)
            return false;
        foreach (var order in Sequences)
        {
            // Enough turns of the order to hold any walk along it of this length, from any starting point.
            var turns = string.Concat(Enumerable.Repeat(order, walk.Length / order.Length + 2));
            if (turns.Contains(walk, StringComparison.Ordinal) || new string(turns.Reverse().ToArray()).Contains(walk, StringComparison.Ordinal))
                return true;
        }
        return false;
    }

    private static HashSet<string> ReadCommonWords()
    {
        using var stream = typeof(Passwords).Assembly.GetManifestResourceStream("common-passwords.txt")
            ?? throw new InvalidOperationException("The common-passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && !line.StartsWith('#'))
                words.Add(line.Trim());
        }
        return words;
    }
}
