namespace OllamaOrleans.Grains.Ollama;

/// <summary>
/// The outcome of one call to an Ollama endpoint: a value or a failure, how long it took and, when an
/// HTTP answer came, its status.
/// </summary>
public sealed record ApiCall<T>(T? Value, PollFailure? Failure, TimeSpan Elapsed, int? StatusCode = null)
    where T : class
{
    public bool Succeeded => Failure is null;

    public static ApiCall<T> Success(T value, TimeSpan elapsed) => new(value, null, elapsed, 200);

    public static ApiCall<T> Failed(PollFailure failure, TimeSpan elapsed, int? statusCode = null) => new(null, failure, elapsed, statusCode);
}
