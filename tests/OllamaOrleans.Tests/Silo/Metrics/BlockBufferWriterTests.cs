using System.Buffers;
using OllamaOrleans.Silo.Metrics;

namespace OllamaOrleans.Tests.Silo.Metrics;

public sealed class BlockBufferWriterTests
{
    /// <summary>Hands out blocks of a fixed size, as Kestrel's pool does, and counts the calls.</summary>
    private sealed class CountingWriter(int blockSize) : IBufferWriter<byte>
    {
        private readonly ArrayBufferWriter<byte> inner = new();

        public List<int> Advances { get; } = [];

        public int Requests { get; private set; }

        public ReadOnlySpan<byte> Written => inner.WrittenSpan;

        public void Advance(int count)
        {
            Advances.Add(count);
            inner.Advance(count);
        }

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Requests++;
            return inner.GetMemory(Math.Max(sizeHint, blockSize))[..Math.Max(sizeHint, blockSize)];
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;
    }

    [Fact]
    public void SmallWrites_AdvanceTheInnerWriterOncePerBlock_AndCommitWritesTheRest()
    {
        var inner = new CountingWriter(4096);
        var writer = new BlockBufferWriter(inner);
        var expected = new List<byte>();
        for (var i = 0; i < 100; i++)
        {
            var piece = Enumerable.Repeat((byte)i, 100).ToArray();
            piece.CopyTo(writer.GetSpan(piece.Length));
            writer.Advance(piece.Length);
            expected.AddRange(piece);
        }

        // 40 pieces of 100 bytes fit in a 4,096-byte block; the 41st starts the next.
        Assert.Equal([4000, 4000], inner.Advances);
        writer.Commit();
        Assert.Equal([4000, 4000, 2000], inner.Advances);
        Assert.Equal(3, inner.Requests);
        Assert.Equal(expected.ToArray(), inner.Written.ToArray());
    }

    [Fact]
    public void WriteLargerThanABlock_GetsABlockOfAtLeastItsSize()
    {
        var inner = new CountingWriter(16);
        var writer = new BlockBufferWriter(inner);
        writer.GetSpan(10)[..10].Fill(1);
        writer.Advance(10);
        var big = writer.GetSpan(100);
        Assert.True(big.Length >= 100, $"span of {big.Length} bytes");
        big[..100].Fill(2);
        writer.Advance(100);
        writer.Commit();

        Assert.Equal([10, 100], inner.Advances);
        Assert.Equal([.. Enumerable.Repeat((byte)1, 10), .. Enumerable.Repeat((byte)2, 100)], inner.Written.ToArray());
    }

    [Fact]
    public void Commit_WithNothingWritten_LeavesTheInnerWriterAlone()
    {
        var inner = new CountingWriter(4096);
        var writer = new BlockBufferWriter(inner);
        writer.Commit();
        _ = writer.GetSpan();
        writer.Commit();

        Assert.Empty(inner.Advances);
    }

    [Fact]
    public void AdvancePastTheSpanHandedOut_Throws_AndKeepsWhatWasWritten()
    {
        var inner = new CountingWriter(8);
        var writer = new BlockBufferWriter(inner);
        writer.GetSpan(4)[..4].Fill(7);
        writer.Advance(4);

        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => writer.Advance(-1));
        writer.Commit();
        Assert.Equal([7, 7, 7, 7], inner.Written.ToArray());
    }
}
