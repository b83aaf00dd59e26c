using EarlyHelp.Analytics.Synthetic.Randomness;

namespace EarlyHelp.Analytics.Synthetic.Identity;

/// <summary>
/// The random draws of one registration (a person in one agency system under one reference): a
/// counter-based SplitMix64 stream keyed by seed, person, system and reference, so a registration
/// draws the same errors in every record and every run, and nothing disturbs the simulation.
/// </summary>
internal struct RegistrationDraws
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";
    private ulong state;

    /// <summary>
    /// The draws of person <paramref name="personId"/> in <paramref name="system"/> for <paramref name="use"/>:
    /// 0 whether the system registered them twice, 1 and 2 the errors of the first and second registration,
    /// 3 how the system recorded their protected characteristics.
    /// </summary>
    public RegistrationDraws(long seed, long personId, int system, int use) =>
        state = SeedSequence.Derive(seed, personId * 64 + system * 4 + use, RandomPurpose.Registration);

    /// <summary>Draws keyed by an arbitrary 64-bit key (e.g. one record) under <paramref name="purpose"/>.</summary>
    public RegistrationDraws(long seed, long key, RandomPurpose purpose) => state = SeedSequence.Derive(seed, key, purpose);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => (SeedSequence.NextSplitMix(ref state) >> 11) * (1.0 / (1UL << 53)) < probability;

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextInt(int count) => (int)((SeedSequence.NextSplitMix(ref state) >> 33) % (ulong)count);

    /// <summary>The name with one slip of the keyboard: two letters transposed, one dropped, one doubled or one replaced.</summary>
    public byte[] Typo(byte[] name)
    {
        if (name.Length < 3)
            return name;
        var at = 1 + NextInt(name.Length - 2);
        var letter = (byte)Letters[NextInt(Letters.Length)];
        if (name[at] is >= (byte)'A' and <= (byte)'Z')
            letter = (byte)(letter - 32);
        return NextInt(4) switch
        {
            0 => [.. name[..at], name[at + 1], name[at], .. name[(at + 2)..]],
            1 => [.. name[..at], .. name[(at + 1)..]],
            2 => [.. name[..at], name[at], .. name[at..]],
            _ => [.. name[..at], letter, .. name[(at + 1)..]],
        };
    }
}
