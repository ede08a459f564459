namespace OllamaOrleans.Protocol.Diagnostics;

/// <summary>An exception and its inner exceptions, outermost first: where a failure's real cause is found.</summary>
public static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
