using System.Security.Cryptography;

namespace EarlyHelp.Analytics.Core.Prompts;

/// <summary>
/// The pseudonymous reference a prompt is known by, e.g. <c>P-7K3M-9QXD</c>. It is drawn at random for
/// each prompt, never derived from a hub id: a hash of a family id could be reversed by hashing every id,
/// and a reference that stayed the same across runs would let a reader link a family's prompts over time.
/// </summary>
public readonly record struct PromptReference
{
    /// <summary>Characters of a reference: Crockford's base 32, which leaves out I, L, O and U so that a reference read aloud is not misheard.</summary>
    public const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>Length of the canonical text, <c>P-XXXX-XXXX</c>.</summary>
    public const int Length = 11;

    private PromptReference(string value) => Value = value;

    /// <summary>The canonical text.</summary>
    public string Value { get; }

    /// <summary>A new reference with 40 random bits (32^8 ≈ 1.1 × 10^12 possible references).</summary>
    public static PromptReference NewRandom()
    {
        Span<char> text = stackalloc char[Length];
        text[0] = 'P';
        text[1] = '-';
        text[6] = '-';
        foreach (var position in (ReadOnlySpan<int>)[2, 3, 4, 5, 7, 8, 9, 10])
            text[position] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new PromptReference(new string(text));
    }

    /// <summary>Reads a reference in its canonical form, ignoring case and surrounding space; returns false for anything else.</summary>
    public static bool TryParse(string? text, out PromptReference reference)
    {
        reference = default;
        var trimmed = text?.Trim().ToUpperInvariant();
        if (trimmed is null || trimmed.Length != Length || trimmed[0] != 'P' || trimmed[1] != '-' || trimmed[6] != '-')
            return false;
        foreach (var position in (ReadOnlySpan<int>)[2, 3, 4, 5, 7, 8, 9, 10])
        {
            if (!Alphabet.Contains(trimmed[position], StringComparison.Ordinal))
                return false;
        }
        reference = new PromptReference(trimmed);
        return true;
    }

    /// <summary>Reads a reference; throws <see cref="FormatException"/> when the text is not one.</summary>
    public static PromptReference Parse(string text) =>
        TryParse(text, out var reference) ? reference : throw new FormatException($"'{text}' is not a prompt reference such as P-7K3M-9QXD.");

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
