using Microsoft.AspNetCore.Http;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class RequestBodyTests
{
    private static DefaultHttpContext Context(byte[] body, bool declared)
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = declared ? body.Length : null;
        return context;
    }

    private static byte[] Bytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i % 251))];

    [Theory]
    [InlineData(0, true, 1_000)]
    [InlineData(85, true, 1_000)]
    [InlineData(1_000, true, 1_000)]
    [InlineData(0, false, 1_000)]
    [InlineData(85, false, 1_000)]
    [InlineData(1_000, false, 1_000)]
    [InlineData(40_000, false, 100_000)]
    [InlineData(40_000, false, 40_000)]
    public async Task ReadAsync_WithinTheLimit_ReturnsTheWholeBody(int length, bool declared, long max)
    {
        var body = Bytes(length);

        var read = await RequestBody.ReadAsync(Context(body, declared), max);

        Assert.Equal(body, read!.Value.ToArray());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ReadAsync_OneByteOverTheLimit_ReturnsNull(bool declared)
    {
        Assert.Null(await RequestBody.ReadAsync(Context(Bytes(1_001), declared), max: 1_000));
    }

    [Fact]
    public async Task ReadAsync_UndeclaredBodyOverTheFirstBuffer_ReturnsNullPastTheLimit()
    {
        Assert.Null(await RequestBody.ReadAsync(Context(Bytes(40_001), declared: false), max: 40_000));
    }

    [Fact]
    public async Task Replace_GivesTheForwarderTheBytesWithTheirLengthAndNoChunking()
    {
        var context = Context([1, 2, 3], declared: false);
        context.Request.Headers.TransferEncoding = "chunked";
        var body = new byte[] { 9, 8, 7, 6 };

        RequestBody.Replace(context, body.AsMemory(1, 2));

        var forwarded = new MemoryStream();
        await context.Request.Body.CopyToAsync(forwarded);
        Assert.Equal(new byte[] { 8, 7 }, forwarded.ToArray());
        Assert.Equal(2, context.Request.ContentLength);
        Assert.False(context.Request.Headers.ContainsKey("Transfer-Encoding"));
    }
}
