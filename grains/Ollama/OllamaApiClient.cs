using System.Buffers;
using System.Net;
using System.Text;

namespace OllamaOrleans.Grains.Ollama;

/// <summary>
/// The monitor's client of the Ollama API: the three zero-impact endpoints a poll reads. Every call
/// has its own timeout, is never retried (the next poll is the retry) and ends in an
/// <see cref="ApiCall{T}"/> rather than an exception. Bodies are capped so that a misbehaving host
/// cannot exhaust the silo's memory.
/// </summary>
public sealed class OllamaApiClient(HttpClient http, TimeProvider time)
{
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    private const string RunningBanner = "Ollama is running";

    /// <summary>
    /// The server's version. Servers older than v0.1.14 answer 404; then <c>GET /</c> decides whether
    /// an Ollama is there, and the version is reported as "unknown".
    /// </summary>
    public async Task<ApiCall<string>> GetVersionAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var call = await CallAsync(baseUrl, "api/version", timeout, OllamaJson.ParseVersion, cancellationToken);
        if (call.StatusCode != (int)HttpStatusCode.NotFound)
        {
            return call;
        }

        var banner = await CallAsync(baseUrl, "", timeout, ParseBanner, cancellationToken);
        return banner.Succeeded
            ? ApiCall<string>.Success("unknown", time.GetElapsedTime(started))
            : ApiCall<string>.Failed(banner.Failure!, time.GetElapsedTime(started));
    }

    public Task<ApiCall<ParsedList<TagsEntry>>> GetTagsAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(baseUrl, "api/tags", timeout, OllamaJson.ParseTags, cancellationToken);

    public Task<ApiCall<ParsedList<PsEntry>>> GetPsAsync(Uri baseUrl, TimeSpan timeout, CancellationToken cancellationToken) =>
        CallAsync(baseUrl, "api/ps", timeout, OllamaJson.ParsePs, cancellationToken);

    private static string ParseBanner(ReadOnlyMemory<byte> body)
    {
        var text = Encoding.UTF8.GetString(body.Span).Trim();
        return text == RunningBanner
            ? text
            : throw new MalformedResponseException($"GET / answered \"{Truncate(text)}\" instead of \"{RunningBanner}\".");
    }

    private async Task<ApiCall<T>> CallAsync<T>(
        Uri baseUrl,
        string path,
        TimeSpan timeout,
        Func<ReadOnlyMemory<byte>, T> parse,
        CancellationToken cancellationToken)
        where T : class
    {
        var endpoint = "/" + path;
        var started = time.GetTimestamp();
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(baseUrl, path));
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return ApiCall<T>.Failed(FailureClassifier.FromStatus(response.StatusCode, endpoint), time.GetElapsedTime(started), (int)response.StatusCode);
            }

            var body = await ReadBodyAsync(response.Content, endpoint, linked.Token);
            try
            {
                var value = parse(body.WrittenMemory);
                return ApiCall<T>.Success(value, time.GetElapsedTime(started));
            }
            finally
            {
                body.Clear();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = FailureClassifier.FromException(e, timeoutSource.IsCancellationRequested, endpoint);
            return ApiCall<T>.Failed(failure, time.GetElapsedTime(started));
        }
    }

    private static async Task<ArrayBufferWriter<byte>> ReadBodyAsync(HttpContent content, string endpoint, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > MaxBodyBytes)
        {
            throw new MalformedResponseException($"{endpoint} announced a body of {declared} bytes, more than the {MaxBodyBytes} allowed.");
        }

        var buffer = new ArrayBufferWriter<byte>((int)(declared ?? 16 * 1024) + 1);
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        while (true)
        {
            var memory = buffer.GetMemory(16 * 1024);
            var read = await stream.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > MaxBodyBytes)
            {
                throw new MalformedResponseException($"{endpoint} sent a body larger than the {MaxBodyBytes} bytes allowed.");
            }
        }
    }

    private static string Truncate(string text) => text.Length <= 64 ? text : text[..64] + "…";
}
