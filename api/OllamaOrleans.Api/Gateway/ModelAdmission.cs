using OllamaOrleans.GrainInterfaces.Hosts;
using OllamaOrleans.Protocol.Ollama;

namespace OllamaOrleans.Api.Gateway;

/// <summary>
/// Whether a model named by a request may become a label and a model grain key: only when the host
/// listed it (<c>/api/tags</c> or <c>/api/ps</c> at its last poll), compared as the grains compare
/// names (<see cref="ModelName.Canonical"/>). A listed model is labelled with the host's own spelling
/// of it; anything else is counted under <see cref="Other"/> and reaches no grain, so a client naming
/// made-up models cannot grow the exposition or the stored state.
/// </summary>
public static class ModelAdmission
{
    /// <summary>The one label value for models the host does not list.</summary>
    public const string Other = "other";

    /// <summary>The host's name for <paramref name="requested"/>, or null when the host does not list it.</summary>
    public static string? Listed(HostSnapshot host, string requested)
    {
        if (requested.Length == 0 || requested.Length > 512)
        {
            return null;
        }

        var canonical = ModelName.Canonical(requested);
        foreach (var model in host.Models)
        {
            if ((model.Available is not null || model.Loaded is not null) && ModelName.Canonical(model.Name) == canonical)
            {
                return model.Name;
            }
        }

        return null;
    }

    /// <summary>The label for <paramref name="requested"/> on <paramref name="host"/>: its listed name, or <see cref="Other"/>.</summary>
    public static string Label(HostSnapshot host, string requested) => Listed(host, requested) ?? Other;

    /// <summary>Whether series labelled <paramref name="model"/> may stay for <paramref name="host"/>.</summary>
    public static bool Keeps(HostSnapshot host, string model) =>
        model == Other || Listed(host, model) is { } name && name == model;
}
