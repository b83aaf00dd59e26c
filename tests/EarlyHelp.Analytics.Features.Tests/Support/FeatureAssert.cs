using EarlyHelp.Analytics.Features.Catalogue;

namespace EarlyHelp.Analytics.Features.Tests.Support;

internal static class FeatureAssert
{
    /// <summary>
    /// Asserts every feature: each one named in <paramref name="expected"/> has that value (NaN for
    /// missing, trends to 6 decimals) and every feature not named is exactly 0.
    /// </summary>
    public static void AllFeatures(IReadOnlyDictionary<string, double> expected, float[] actual)
    {
        foreach (var name in expected.Keys)
            Assert.True(FeatureCatalogue.IndexOf(name) >= 0, $"'{name}' is not a feature");
        var wrong = new List<string>();
        for (var i = 0; i < FeatureCatalogue.All.Count; i++)
        {
            var name = FeatureCatalogue.All[i].Name;
            var want = expected.TryGetValue(name, out var value) ? value : 0.0;
            var ok = double.IsNaN(want) ? float.IsNaN(actual[i]) : Math.Abs(actual[i] - want) < 1e-6;
            if (!ok)
                wrong.Add($"{name}: expected {want}, got {actual[i]}");
        }
        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    /// <summary>True when two rows are the same bit for bit (NaN equal to NaN).</summary>
    public static bool SameValues(float[] left, float[] right) =>
        left.Length == right.Length && left.Zip(right).All(p => BitConverter.SingleToInt32Bits(p.First) == BitConverter.SingleToInt32Bits(p.Second));
}
