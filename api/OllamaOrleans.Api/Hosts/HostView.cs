using System.Text.Json.Serialization;
using OllamaOrleans.GrainInterfaces.Hosts;

namespace OllamaOrleans.Api.Hosts;

/// <summary>
/// A registered host: name, URL, labels and where it came from (<c>configuration</c>, <c>api</c>,
/// <c>transient</c>); with its last poll's status when one host is asked for.
/// </summary>
public sealed record HostView(
    string Name,
    string Url,
    IReadOnlyDictionary<string, string> Labels,
    string Source,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] HostStatusView? Status)
{
    public static HostView From(HostRegistration r, HostSnapshot? snapshot = null) =>
        new(r.Name, r.Url, r.Labels, r.Source.Name(), snapshot is null ? null : HostStatusView.From(snapshot));
}
