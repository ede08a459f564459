namespace OllamaSimulator.Models;

/// <summary>One host's local model store; lookups by any spelling of the name, case-insensitively.</summary>
internal sealed class ModelCatalog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, SimulatedModel> models = new(StringComparer.Ordinal);

    /// <summary>Starts with <paramref name="initial"/>, which <see cref="SimulatorOptions.Validate"/> has already checked.</summary>
    public ModelCatalog(IEnumerable<SimulatedModel> initial)
    {
        foreach (var model in initial)
        {
            models[ModelName.Parse(model.Name).Key] = model;
        }
    }

    public IReadOnlyList<SimulatedModel> All
    {
        get
        {
            lock (gate)
            {
                return [.. models.Values];
            }
        }
    }

    /// <summary>Adds the model, replacing any with the same name; the caller has validated it.</summary>
    public void Add(SimulatedModel model)
    {
        lock (gate)
        {
            models[ModelName.Parse(model.Name).Key] = model;
        }
    }

    public bool Remove(string name)
    {
        lock (gate)
        {
            return models.Remove(ModelName.Parse(name).Key);
        }
    }

    public SimulatedModel? Find(ModelName name)
    {
        lock (gate)
        {
            return models.GetValueOrDefault(name.Key);
        }
    }

    public SimulatedModel? Find(string name) => Find(ModelName.Parse(name));
}
