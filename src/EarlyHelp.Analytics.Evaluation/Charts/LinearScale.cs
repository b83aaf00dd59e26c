namespace EarlyHelp.Analytics.Evaluation.Charts;

/// <summary>Maps a data interval linearly onto a pixel interval, and picks round tick values.</summary>
/// <param name="DomainMinimum">Smallest data value.</param>
/// <param name="DomainMaximum">Largest data value.</param>
/// <param name="RangeStart">Pixel position of the smallest value.</param>
/// <param name="RangeEnd">Pixel position of the largest value (smaller than the start for a vertical axis).</param>
public sealed record LinearScale(double DomainMinimum, double DomainMaximum, double RangeStart, double RangeEnd)
{
    /// <summary>The pixel position of a value.</summary>
    public double Map(double value)
    {
        var span = DomainMaximum - DomainMinimum;
        var share = span == 0 ? 0.5 : (value - DomainMinimum) / span;
        return RangeStart + share * (RangeEnd - RangeStart);
    }

    /// <summary>
    /// About <paramref name="count"/> ticks at multiples of 1, 2 or 5 times a power of ten inside the
    /// domain (Heckbert's "nice numbers", Graphics Gems 1990).
    /// </summary>
    public IReadOnlyList<double> Ticks(int count = 5)
    {
        var span = DomainMaximum - DomainMinimum;
        if (!(span > 0))
            return [DomainMinimum];
        var rough = span / Math.Max(1, count);
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = (rough / power) switch
        {
            < 1.5 => 1,
            < 3 => 2,
            < 7 => 5,
            _ => 10,
        } * power;
        var ticks = new List<double>();
        for (var tick = Math.Ceiling(DomainMinimum / step) * step; tick <= DomainMaximum + step * 1e-9; tick += step)
            ticks.Add(Math.Abs(tick) < step * 1e-9 ? 0 : tick);
        return ticks;
    }

    /// <summary>A domain from the data padded to round numbers, always containing <paramref name="mustInclude"/>.</summary>
    public static (double Minimum, double Maximum) PaddedDomain(IEnumerable<double> values, params double[] mustInclude)
    {
        var finite = values.Where(double.IsFinite).Concat(mustInclude).ToArray();
        if (finite.Length == 0)
            return (0, 1);
        double minimum = finite.Min(), maximum = finite.Max();
        if (minimum == maximum)
            return (minimum - 0.5, maximum + 0.5);
        var pad = (maximum - minimum) * 0.05;
        return (minimum - pad, maximum + pad);
    }
}
