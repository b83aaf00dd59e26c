namespace EarlyHelp.Analytics.Learning;

/// <summary>
/// Runs numbered parts of a job on a bounded number of threads. Each part owns a fixed slice of
/// the work chosen by its number, never by the thread that runs it, so results do not depend on
/// the thread count or on scheduling.
/// </summary>
internal static class ParallelWork
{
    /// <summary>The thread count to use: the requested one, or every core when none was requested.</summary>
    public static int ThreadCount(int? requested) => Math.Max(1, requested ?? Environment.ProcessorCount);

    /// <summary>Runs <paramref name="body"/> for each part in <c>[0, parts)</c> on up to <paramref name="threads"/> threads.</summary>
    public static void For(int parts, int threads, Action<int> body)
    {
        if (parts <= 1 || threads <= 1)
        {
            for (var part = 0; part < parts; part++)
                body(part);
            return;
        }

        Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = threads }, body);
    }

    /// <summary>
    /// Cuts <c>[0, count)</c> into consecutive blocks of <paramref name="blockSize"/> items (the last
    /// may be shorter) and runs <paramref name="body"/>(block, start, end) on each. The blocks depend
    /// only on the count and the block size, so per-block results reduced in block order give the
    /// same sum whatever the thread count. Returns the number of blocks.
    /// </summary>
    public static int ForBlocks(int count, int blockSize, int threads, Action<int, int, int> body)
    {
        var blocks = BlockCount(count, blockSize);
        For(blocks, threads, block =>
        {
            var start = block * blockSize;
            body(block, start, Math.Min(count, start + blockSize));
        });
        return blocks;
    }

    /// <summary>How many blocks <see cref="ForBlocks"/> cuts <paramref name="count"/> items into.</summary>
    public static int BlockCount(int count, int blockSize) => Math.Max(1, (count + blockSize - 1) / blockSize);
}
