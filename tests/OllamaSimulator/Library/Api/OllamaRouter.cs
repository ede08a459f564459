using OllamaSimulator.Http;

namespace OllamaSimulator.Api;

/// <summary>
/// One host's request pipeline: the host's fault first (as the transport would show it), then Ollama's
/// CORS and allowed-hosts checks, then the routes; every request is counted by endpoint and status.
/// </summary>
internal sealed class OllamaRouter : IHttpHandler
{
    public const string ErrorFaultMessage = "simulated fault: internal server error";

    private readonly HostContext host;
    private readonly RouteTable routes = new();

    public OllamaRouter(HostContext host)
    {
        this.host = host;
        new RootEndpoints(host).Map(routes);
        new ModelListEndpoints(host).Map(routes);
        new ShowEndpoint(host).Map(routes);
        new GenerateEndpoint(host).Map(routes);
        new ChatEndpoint(host).Map(routes);
        new EmbedEndpoints(host).Map(routes);
        new ManagementEndpoints(host).Map(routes);
        new OpenAiChatEndpoint(host).Map(routes);
        new OpenAiCompletionsEndpoint(host).Map(routes);
        new OpenAiEmbeddingsEndpoint(host).Map(routes);
        new OpenAiModelsEndpoint(host).Map(routes);
        new ResponsesEndpoint(host).Map(routes);
        new TranscriptionsEndpoint(host).Map(routes);
        new AnthropicMessagesEndpoint(host).Map(routes);
    }

    public async Task HandleAsync(HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var endpoint = routes.EndpointFor(request, host.Version);
        var abandoned = false;
        try
        {
            var fault = host.Fault;
            if (!await ApplyFaultAsync(fault, request, response, cancellationToken)
                && !await AccessControl.RejectOrPreflightAsync(request, response))
            {
                await routes.DispatchAsync(request, response, host.Version, e => endpoint = e, cancellationToken);
            }
        }
        catch (ApiException error) when (!response.HasStarted)
        {
            await WriteErrorAsync(response, error);
        }
        catch (OperationCanceledException)
        {
            abandoned = true;
            throw;
        }
        finally
        {
            // Ollama's access log shows 499 for a client that left before any answer.
            host.Counters.CountRequest(endpoint, response.StatusCode == 0 && abandoned ? 499 : response.StatusCode);
        }
    }

    private static Task WriteErrorAsync(HttpResponse response, ApiException error)
    {
        var json = new Json.GoJsonWriter().StartObject().Property("error", error.Message);
        if (error.SigninUrl is not null)
        {
            json.Property("signin_url", error.SigninUrl);
        }

        return Reply.JsonAsync(response, json.EndObject(), error.StatusCode);
    }

    /// <summary>True when the fault has answered the request itself.</summary>
    private async Task<bool> ApplyFaultAsync(FaultSetting fault, HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        switch (fault.Mode)
        {
            case FaultMode.Hang:
                // Read, never answered: only the client giving up (or the host stopping) ends it.
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
                return true;
            case FaultMode.Slow:
            case FaultMode.SlowPs when request.Path == "/api/ps":
                await Delays.AtLeastAsync(host.Time, fault.Delay, cancellationToken);
                return false;
            case FaultMode.Truncated:
                response.Fault = ResponseFault.Truncate;
                return false;
            case FaultMode.Malformed:
                response.Fault = ResponseFault.Malform;
                return false;
            case FaultMode.Error when request.Path.StartsWith("/v1/", StringComparison.Ordinal):
                await OpenAiReply.HandlerErrorAsync(response, new ApiException(500, ErrorFaultMessage));
                return true;
            case FaultMode.Error when request.Path.StartsWith("/api/", StringComparison.Ordinal):
                await Reply.ErrorAsync(response, 500, ErrorFaultMessage);
                return true;
            default:
                return false;
        }
    }
}
