using System.Globalization;
using System.Security.Cryptography;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>Rules for passwords, and generated passwords.</summary>
public static class Passwords
{
    /// <summary>
    /// The shortest password accepted: 15 characters, NIST SP 800-63B-4 section 3.1.1.2's minimum for a password
    /// that is the only factor. Length, not composition rules, is what that guidance asks for.
    /// </summary>
    public const int MinimumLength = 15;

    /// <summary>The longest password accepted (the guidance asks for at least 64 to be allowed).</summary>
    public const int MaximumLength = 128;

    private const string GeneratedAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";

    /// <summary>A random password of five groups of five characters (about 123 bits), e.g. <c>k7qmz-2xzta-…</c>.</summary>
    public static string Generate()
    {
        var groups = Enumerable.Range(0, 5).Select(_ =>
            new string(Enumerable.Range(0, 5).Select(_ => GeneratedAlphabet[RandomNumberGenerator.GetInt32(GeneratedAlphabet.Length)]).ToArray()));
        return string.Join('-', groups);
    }

    /// <summary>Problems with a new password, one message each.</summary>
    public static IEnumerable<string> Check(string? password)
    {
        var length = password?.Length ?? 0;
        if (length < MinimumLength)
            yield return string.Create(CultureInfo.InvariantCulture, $"The password must be at least {MinimumLength} characters. Got {length} instead.");
        else if (length > MaximumLength)
            yield return string.Create(CultureInfo.InvariantCulture, $"The password must be at most {MaximumLength} characters. Got {length} instead.");
    }
}
