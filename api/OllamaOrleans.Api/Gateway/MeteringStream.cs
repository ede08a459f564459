namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Stands in for the client's response body while the forwarder copies the upstream answer: every
/// chunk goes to the meter and straight on to the client, and flushes pass through, so streams are
/// never buffered. Knows when the first byte went out and whether writing to the client failed.
/// </summary>
public sealed class MeteringStream(Stream client, ResponseMeter meter, Func<string?> contentType) : Stream
{
    private bool begun;

    public bool ClientFailed { get; private set; }

    public long BytesWritten { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!begun)
        {
            begun = true;
            meter.Begin(contentType());
        }

        if (!meter.HoldsBack)
        {
            await ForwardThenMeterAsync(buffer, cancellationToken);
            return;
        }

        var forward = meter.Process(buffer);
        if (!forward.IsEmpty)
        {
            await WriteToClientAsync(forward, cancellationToken);
        }
    }

    /// <summary>
    /// The chunk goes to the client before the meter parses it, so parsing never delays a byte; the
    /// forwarder reuses the buffer only once this returns, and a chunk the client could not take is
    /// still metered.
    /// </summary>
    private async ValueTask ForwardThenMeterAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await WriteToClientAsync(buffer, cancellationToken);
        }
        finally
        {
            meter.Process(buffer);
        }
    }

    private async ValueTask WriteToClientAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        try
        {
            await client.WriteAsync(bytes, cancellationToken);
            BytesWritten += bytes.Length;
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            ClientFailed = true;
            throw;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            ClientFailed = true;
            throw;
        }
    }

    /// <summary>Sends what the meter still holds once the upstream body has ended.</summary>
    public async Task CompleteAsync(bool complete, CancellationToken cancellationToken)
    {
        if (!begun)
        {
            begun = true;
            meter.Begin(contentType());
        }

        var owed = meter.End(complete);
        if (!owed.IsEmpty && !ClientFailed)
        {
            await client.WriteAsync(owed, cancellationToken);
            await client.FlushAsync(cancellationToken);
        }
    }

    public override void Flush() => client.Flush();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("The gateway writes asynchronously only.");

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
