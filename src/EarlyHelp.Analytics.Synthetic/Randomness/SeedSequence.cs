namespace EarlyHelp.Analytics.Synthetic.Randomness;

/// <summary>
/// Derives independent seeds from the master seed: one per household lineage and per stream, so
/// that a lineage's output depends on nothing but its own seeds (not on thread scheduling, nor on
/// how many lineages or months there are), and so that truth, observation and identity never
/// share random numbers.
/// </summary>
internal static class SeedSequence
{
    /// <summary>Advances a SplitMix64 state and returns its next output (Steele, Lea and Flood, 2014).</summary>
    public static ulong NextSplitMix(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijective scramble of 64 bits.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }

    /// <summary>A seed for stream <paramref name="stream"/> of unit <paramref name="unit"/> under <paramref name="masterSeed"/>.</summary>
    public static ulong Derive(long masterSeed, long unit, RandomPurpose stream) =>
        Mix(Mix(Mix((ulong)masterSeed) ^ (ulong)unit) ^ ((ulong)stream * 0xD1B54A32D192ED03UL));

    /// <summary>A stream for <paramref name="purpose"/> of unit <paramref name="unit"/> under <paramref name="masterSeed"/>.</summary>
    public static RandomStream Stream(long masterSeed, long unit, RandomPurpose purpose) => new(Derive(masterSeed, unit, purpose));
}

/// <summary>What a random stream is used for; each purpose has its own stream so that changing one layer leaves the others alone.</summary>
internal enum RandomPurpose
{
    /// <summary>The city's areas.</summary>
    City = 1,

    /// <summary>Household composition at the start (drawn in lineage order to meet the population size).</summary>
    Census = 2,

    /// <summary>The true state of a lineage: demography and latent need.</summary>
    Truth = 3,

    /// <summary>What agencies record about a lineage, including social care decisions.</summary>
    Observation = 4,

    /// <summary>Names and days of birth.</summary>
    Identity = 5,

    /// <summary>Typing errors in one extract record.</summary>
    Typo = 6,

    /// <summary>The canonical address of a property.</summary>
    Address = 7,

    /// <summary>How one agency system holds one person: references, registration errors, update lags.</summary>
    Registration = 8,

    /// <summary>The staff of case-managed services named in extracts (worker, team, contact details).</summary>
    Staff = 9,

    /// <summary>How long after its date one agency record is entered in the agency's system (monthly deliveries only).</summary>
    ReportingLag = 10,
}
