namespace EarlyHelp.Analytics.Linkage.Tests.Support;

/// <summary>One synthetic population and its model, built once and shared by the tests that need a trained model.</summary>
public static class SmallCity
{
    private static readonly Lazy<(SyntheticIdentities City, LinkageModel Model)> Built = new(() =>
    {
        var city = SyntheticIdentities.Generate(people: 4000, sources: 3, seed: 5);
        return (city, LinkageModel.Estimate(city.Records, LinkageSettings.Default, seed: 3));
    });

    /// <summary>The population (about 4,000 people, 8,000 records in three sources).</summary>
    public static SyntheticIdentities City => Built.Value.City;

    /// <summary>The model estimated on it without labels.</summary>
    public static LinkageModel Model => Built.Value.Model;
}
