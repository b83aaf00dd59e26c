namespace EarlyHelp.Analytics.Learning.Tests;

/// <summary>Equality of doubles within an absolute tolerance, for comparing arrays.</summary>
internal sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double value) => 0;
}
