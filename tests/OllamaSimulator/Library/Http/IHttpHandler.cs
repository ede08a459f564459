namespace OllamaSimulator.Http;

/// <summary>Answers one request. The token fires when the client goes away or the server stops.</summary>
internal interface IHttpHandler
{
    Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken);
}
