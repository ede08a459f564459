using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.GrainInterfaces.Statistics;
using OllamaOrleans.Protocol.Ollama;
using OllamaOrleans.Protocol.Statistics;
using Yarp.ReverseProxy.Forwarder;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Forwards one request to one Ollama host with YARP's forwarder and measures it on the way: the
/// request body of inference endpoints is read for the model (and rewritten when an OpenAI stream's
/// usage must be asked for), the response passes through a <see cref="MeteringStream"/> chunk by
/// chunk, and the measurement goes to the model grains through the <see cref="TrafficQueue"/>.
/// </summary>
public sealed class GatewayProxy(
    IHttpForwarder forwarder,
    GatewayHttpClient client,
    IOptions<GatewayOptions> options,
    InFlightTracker inFlight,
    TrafficQueue queue,
    GatewayMetrics metrics,
    ClientIdentity clients,
    TimeProvider time)
{
    /// <summary>
    /// Reads what the gateway needs from the request; null when it already answered (413). With
    /// <paramref name="routing"/>, also the model of a request that is not measured but routed by the
    /// model in its body (<c>/api/show</c>); such a model only routes, it is not measured.
    /// </summary>
    public async Task<RequestFacts?> PrepareAsync(HttpContext context, PathString path, bool routing = false)
    {
        var endpoint = MeteredEndpoints.Classify(context.Request.Method, path.Value ?? "/");
        var modelInBody = routing && FleetRoutes.ModelInBody(context.Request.Method, path.Value ?? "/");
        if (endpoint == MeteredEndpoint.None && !modelInBody)
        {
            return new RequestFacts(endpoint, null, false, false, ReadOnlyMemory<byte>.Empty);
        }

        var body = await RequestBody.ReadAsync(context, options.Value.MaxRequestBodyBytes);
        if (body is null)
        {
            await OllamaErrors.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, $"request body larger than {options.Value.MaxRequestBodyBytes} bytes", endpoint);
            return null;
        }

        var facts = endpoint == MeteredEndpoint.AudioTranscriptions
            ? new RequestFacts(endpoint, await MultipartModel.ReadAsync(context.Request.ContentType, body.Value), false, false, body.Value)
            : RequestInspector.Inspect(endpoint, body.Value);
        RequestBody.Replace(context, facts.Body);
        return facts;
    }

    /// <summary>
    /// Forwards and answers the client; false, with nothing answered yet, when no connection to the
    /// host could be made and <paramref name="anotherHostMayTry"/> (the attempt is counted for the host).
    /// </summary>
    public async Task<bool> ForwardAsync(HttpContext context, HostSnapshot host, PathString path, RequestFacts facts, bool anotherHostMayTry = false)
    {
        var started = time.GetTimestamp();
        var at = time.GetUtcNow();
        // Every metered route passes here: a model the host does not list becomes "other" and no grain.
        var metered = facts.Model is not null && facts.Endpoint != MeteredEndpoint.None;
        var listed = metered ? ModelAdmission.Listed(host, facts.Model!) : null;
        var model = metered ? listed ?? ModelAdmission.Other : null;
        using var lease = model is null ? default(InFlightTracker.Lease?) : inFlight.Enter(host.Name, model);
        var meter = new ResponseMeter(facts.Endpoint, facts.StripUsage, () => time.GetElapsedTime(started));
        var original = context.Response.Body;
        var metering = new MeteringStream(original, meter, () => context.Response.StatusCode == StatusCodes.Status200OK ? context.Response.ContentType : null);
        if (facts.Endpoint != MeteredEndpoint.None)
        {
            // Only inference answers are read; everything else passes through untouched.
            context.Response.Body = metering;
        }

        string outcome;
        bool neverConnected;
        try
        {
            var config = new ForwarderRequestConfig { ActivityTimeout = options.Value.UpstreamTimeout };
            var transformer = facts.Endpoint == MeteredEndpoint.None && facts.Body.IsEmpty ? new PathTransformer(path) : new PathTransformer(path, facts.Body);
            var error = await forwarder.SendAsync(context, host.Registration.Url, client.Invoker, config, transformer);
            var exception = context.GetForwarderErrorFeature()?.Exception;
            outcome = error == ForwarderError.None ? "" : GatewayOutcome.FromForwarderError(error, exception);
            neverConnected = error != ForwarderError.None && GatewayOutcome.NeverConnected(error, exception);
            if (outcome == RequestOutcomes.Disconnected && !context.RequestAborted.IsCancellationRequested && !metering.ClientFailed)
            {
                outcome = RequestOutcomes.Timeout;
            }

            if (!metering.ClientFailed && !context.RequestAborted.IsCancellationRequested)
            {
                await metering.CompleteAsync(error == ForwarderError.None, context.RequestAborted);
            }
        }
        finally
        {
            context.Response.Body = original;
        }

        if (neverConnected && anotherHostMayTry && !context.Response.HasStarted)
        {
            Record(context, host.Name, model, listed is not null, facts, meter, outcome, at, time.GetElapsedTime(started), clientAnswered: false);
            ForgetFailure(context, facts);
            return false;
        }

        if (outcome.Length > 0 && outcome != RequestOutcomes.Disconnected && !context.Response.HasStarted)
        {
            await OllamaErrors.WriteAsync(context, GatewayOutcome.GatewayStatus(outcome), GatewayOutcome.Message(outcome, host.Name, options.Value.UpstreamTimeout), facts.Endpoint);
        }

        if (outcome.Length == 0)
        {
            var status = context.Response.StatusCode;
            outcome = status == StatusCodes.Status200OK ? meter.Failure ?? "200" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        Record(context, host.Name, model, listed is not null, facts, meter, outcome, at, time.GetElapsedTime(started), clientAnswered: true);
        return true;
    }

    /// <summary>Undoes what the forwarder set for its failed attempt, and gives the next one the body again.</summary>
    private static void ForgetFailure(HttpContext context, RequestFacts facts)
    {
        context.Features.Set<IForwarderErrorFeature>(null);
        context.Response.StatusCode = StatusCodes.Status200OK;
        if (facts.Endpoint != MeteredEndpoint.None || !facts.Body.IsEmpty)
        {
            RequestBody.Replace(context, facts.Body);
        }
    }

    /// <summary>
    /// Counts the request for its host and hands the measurement to the model grain when the host lists
    /// the model (<paramref name="listed"/>); the client's own series count it once, for the attempt
    /// that answered it.
    /// </summary>
    private void Record(HttpContext context, string host, string? model, bool listed, RequestFacts facts, ResponseMeter meter, string outcome, DateTimeOffset at, TimeSpan latency, bool clientAnswered)
    {
        metrics.Request(host, facts.Endpoint.Label(), outcome);
        if (outcome == RequestOutcomes.Disconnected && model is not null)
        {
            metrics.Disconnect(host, model);
        }

        if (facts.Endpoint == MeteredEndpoint.None || model is null)
        {
            return;
        }

        var client = clients.Of(context);
        var streamed = meter.Mode is MeterMode.Ndjson or MeterMode.Sse;
        var record = new InferenceRecord(
            at,
            InferenceSources.Traffic,
            facts.Endpoint.Label(),
            context.Request.Method,
            outcome,
            latency.TotalSeconds,
            streamed ? meter.FirstContent?.TotalSeconds : null,
            meter.LoadSeconds,
            meter.PromptTokens,
            meter.PromptEvalSeconds,
            meter.GenerationTokens,
            meter.GenerationSeconds,
            client,
            meter.DoneReason,
            meter.QueueWaitSeconds);
        if (listed)
        {
            queue.Enqueue(new TrafficRecord(host, model, record));
        }

        if (clientAnswered)
        {
            metrics.Client(client, outcome, meter.PromptTokens, meter.GenerationTokens);
        }
    }
}
