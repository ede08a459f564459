using System.Buffers;

namespace OllamaOrleans.Silo.Metrics;

/// <summary>
/// Hands out the rest of one block of the inner writer and advances the inner writer once per block
/// (and on <see cref="Commit"/>), not once per write. A scrape writes hundreds of thousands of small
/// pieces; Kestrel's response writer takes a lock on every <c>GetSpan</c> and <c>Advance</c>, which
/// made those calls most of a large scrape's time (docs/benchmarks.md, "Profile and fix: the scrape").
/// Call <see cref="Commit"/> when done: what was written since the last block change is not yet in the inner writer.
/// </summary>
public sealed class BlockBufferWriter(IBufferWriter<byte> inner) : IBufferWriter<byte>
{
    private Memory<byte> block;
    private int used;

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, block.Length - used);
        used += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return block[used..];
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return block.Span[used..];
    }

    /// <summary>Advances the inner writer by what was written into the current block.</summary>
    public void Commit()
    {
        if (used > 0)
        {
            inner.Advance(used);
        }

        block = default;
        used = 0;
    }

    private void Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = Math.Max(sizeHint, 1);
        if (block.Length - used >= needed)
        {
            return;
        }

        Commit();
        block = inner.GetMemory(needed);
    }
}
