using OllamaSimulator.Json;
using OllamaSimulator.Models;

namespace OllamaSimulator.Api;

/// <summary>The model objects of <c>/api/tags</c>, <c>/api/ps</c> and <c>/api/show</c>, with version-dependent fields.</summary>
internal static class ModelJsonWriter
{
    public const string CloudHost = "https://ollama.com:443";

    public static void WriteTagsEntry(GoJsonWriter json, SimulatedModel model, HostContext host)
    {
        var name = ModelName.Parse(model.Name);
        json.StartObject().Property("name", name.DisplayShortest);
        if (host.Version.Has("0.1.21"))
        {
            json.Property("model", name.DisplayShortest);
        }

        if (name.IsCloud && host.Version.Has("0.12.0"))
        {
            json.Property("remote_model", RemoteModel(name.DisplayShortest)).Property("remote_host", CloudHost);
        }

        json.Property("modified_at", GoTime.FormatLocal(model.ModifiedAt, host.Time))
            .Property("size", model.Size)
            .Property("digest", model.Digest);
        WriteDetails(json, model, withLengths: host.Version.Has("0.30.0"));
        if (host.Version.Has("0.9.1") && model.Capabilities.Count > 0)
        {
            json.Name("capabilities").StringArray(model.Capabilities);
        }

        json.EndObject();
    }

    /// <summary>
    /// A cloud stub's <c>remote_model</c>: its name without the source suffix (server/create.go
    /// CreateHandler <c>config.RemoteModel = fromRef.Base</c>; internal/modelref parseSourceSuffix):
    /// <c>kimi-k2:cloud</c> → <c>kimi-k2</c>, <c>gpt-oss:120b-cloud</c> → <c>gpt-oss:120b</c>.
    /// </summary>
    public static string RemoteModel(string name)
    {
        var colon = name.LastIndexOf(':');
        if (colon < 0)
        {
            return name;
        }

        var tag = name[(colon + 1)..].Trim();
        if (tag.Equals("cloud", StringComparison.OrdinalIgnoreCase))
        {
            return name[..colon];
        }

        return !tag.Contains('/', StringComparison.Ordinal) && tag.EndsWith("-cloud", StringComparison.OrdinalIgnoreCase)
            ? name[..(colon + 1)] + tag[..^"-cloud".Length]
            : name;
    }

    /// <summary><c>details</c>: the strings always present, <c>families</c> may be null, lengths omitted when 0.</summary>
    public static void WriteDetails(GoJsonWriter json, SimulatedModel model, bool withLengths)
    {
        json.Name("details").StartObject()
            .Property("parent_model", "")
            .Property("format", model.Format)
            .Property("family", model.Family)
            .Name("families");
        if (model.Families is null)
        {
            json.Null();
        }
        else
        {
            json.StringArray(model.Families);
        }

        json.Property("parameter_size", model.ParameterSize).Property("quantization_level", model.QuantizationLevel);
        if (withLengths)
        {
            json.PropertyIfNotZero("context_length", model.ContextLength).PropertyIfNotZero("embedding_length", model.EmbeddingLength);
        }

        json.EndObject();
    }
}
