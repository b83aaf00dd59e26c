namespace EarlyHelp.Analytics.Features.History;

/// <summary>
/// An append-only list kept in fixed-size chunks: a hub's tens of millions of events are read in
/// one pass of unknown length, and growing one array by doubling would hold three copies at once.
/// </summary>
internal sealed class GrowingBuffer<T>
{
    private const int ChunkBits = 20;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<T[]> chunks = [];

    /// <summary>Number of items added.</summary>
    public int Count { get; private set; }

    /// <summary>The item at <paramref name="index"/>.</summary>
    public ref T this[int index] => ref chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Appends an item.</summary>
    public void Add(T item)
    {
        if ((Count & (ChunkSize - 1)) == 0 && Count >> ChunkBits == chunks.Count)
            chunks.Add(new T[ChunkSize]);
        chunks[Count >> ChunkBits][Count & (ChunkSize - 1)] = item;
        Count++;
    }
}
