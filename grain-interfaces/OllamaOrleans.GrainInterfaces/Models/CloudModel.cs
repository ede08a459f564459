using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.GrainInterfaces.Models;

/// <summary>
/// Cloud models (Ollama 0.12+): <c>/api/tags</c> lists them with a <c>remote_host</c>, Ollama proxies
/// their requests there, and they are never loaded (never in <c>/api/ps</c>): nothing of them is on
/// disk but a manifest, and their requests are no inference of the host.
/// </summary>
public static class CloudModel
{
    /// <summary>Listed with a <c>remote_host</c>, or named with the cloud tag (<c>:cloud</c>, <c>-cloud</c>) as Ollama routes them.</summary>
    public static bool Is(string name, AvailableModel? available) =>
        available?.RemoteHost is not null || ModelName.IsCloud(name);
}
