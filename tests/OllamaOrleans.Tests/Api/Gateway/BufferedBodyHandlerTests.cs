using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OllamaOrleans.Api.Gateway;

namespace OllamaOrleans.Tests.Api.Gateway;

public sealed class BufferedBodyHandlerTests
{
    private sealed class Capture : HttpMessageHandler
    {
        public HttpContent? Content { get; private set; }

        public byte[] Bytes { get; private set; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Content = request.Content;
            Bytes = Content is null ? [] : await Content.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }

    private static HttpRequestMessage Request(HttpContent? content) => new(HttpMethod.Post, "http://127.0.0.1:11434/api/generate") { Content = content };

    private static StreamContent Streamed(string text)
    {
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(text)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        content.Headers.ContentLength = Encoding.UTF8.GetByteCount(text);
        content.Headers.TryAddWithoutValidation("Content-Language", "en");
        return content;
    }

    [Fact]
    public async Task RequestWithBufferedBody_SendsTheBytesAsFixedLengthContentWithTheContentHeaders()
    {
        var capture = new Capture();
        using var invoker = new HttpMessageInvoker(new BufferedBodyHandler(capture));
        var body = Encoding.UTF8.GetBytes("""{"model":"llama3.2","prompt":"hi","stream":true}""");
        var streamed = Streamed("""{"model":"llama3.2","prompt":"hi"}""");
        using var request = Request(streamed);
        request.Options.Set(BufferedBodyHandler.Body, (ReadOnlyMemory<byte>)body);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.IsType<ReadOnlyMemoryContent>(capture.Content);
        Assert.Equal(body, capture.Bytes);
        Assert.Equal(body.Length, capture.Content!.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", capture.Content.Headers.ContentType!.ToString());
        Assert.Equal(["en"], capture.Content.Headers.ContentLanguage);
    }

    [Fact]
    public async Task RequestWithoutBufferedBody_KeepsItsContent()
    {
        var capture = new Capture();
        using var invoker = new HttpMessageInvoker(new BufferedBodyHandler(capture));
        var streamed = Streamed("""{"model":"llama3.2"}""");
        using var request = Request(streamed);

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Same(streamed, capture.Content);
        Assert.Equal("""{"model":"llama3.2"}"""u8.ToArray(), capture.Bytes);
    }

    [Fact]
    public async Task RequestWithoutContent_StaysWithoutContentEvenWhenABodyIsAttached()
    {
        var capture = new Capture();
        using var invoker = new HttpMessageInvoker(new BufferedBodyHandler(capture));
        using var request = Request(null);
        request.Options.Set(BufferedBodyHandler.Body, (ReadOnlyMemory<byte>)"{}"u8.ToArray());

        using var response = await invoker.SendAsync(request, CancellationToken.None);

        Assert.Null(capture.Content);
    }
}
