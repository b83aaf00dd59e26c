namespace EarlyHelp.Analytics.Linkage;

public sealed partial class LinkageModel
{
    /// <summary>The model as JSON: format version, settings, lambda, each field's levels with m, u and weight, term frequencies.</summary>
    public string ToJson() => throw new NotImplementedException();

    /// <summary>Reads a model written by <see cref="ToJson"/>; refuses another format version.</summary>
    public static LinkageModel FromJson(string json) => throw new NotImplementedException();
}
