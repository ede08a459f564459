namespace OllamaOrleans.Api.Hosts;

/// <summary>A name from the request echoed in a problem: cut to 64 characters and made printable, so odd input does not make an odd answer.</summary>
public static class FieldNames
{
    private const int MaxLength = 64;

    public static string Printable(string name)
    {
        var printable = new string([.. name.Take(MaxLength).Select(c => char.IsControl(c) || char.IsSurrogate(c) ? '?' : c)]);
        return name.Length <= MaxLength ? printable : printable + "…";
    }
}
