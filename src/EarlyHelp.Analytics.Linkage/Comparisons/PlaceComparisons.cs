namespace EarlyHelp.Analytics.Linkage;

/// <summary>Postcodes: the same unit, sector, one keying error, the same district, else.</summary>
internal sealed class PostcodeComparison : Comparison
{
    public override string Name => "postcode";

    public override IReadOnlyList<string> Labels { get; } = ["same unit", "same sector", "one keying error", "same district", "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Postcode[i], b = data.Postcode[j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        if (data.PostcodeSector[i] >= 0 && data.PostcodeSector[i] == data.PostcodeSector[j])
            return 1;
        if (EditDistance.IsOneEdit(data.PostcodeValues[a], data.PostcodeValues[b]))
            return 2;
        return data.PostcodeDistrict[i] >= 0 && data.PostcodeDistrict[i] == data.PostcodeDistrict[j] ? 3 : 4;
    }

    public override int Present(PreparedRecords data) => CountPresent(data.Postcode);
}

/// <summary>Free-text addresses after normalisation: exact, a close spelling, half the words shared, else.</summary>
internal sealed class AddressComparison(IReadOnlyList<double> thresholds) : Comparison
{
    public override string Name => "address";

    public override IReadOnlyList<string> Labels { get; } = ["exact", $"Jaro-Winkler >= {thresholds[0]:0.00}", "half the words shared", "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Address[i], b = data.Address[j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        if (JaroWinkler.Similarity(data.AddressValues[a], data.AddressValues[b]) >= thresholds[0])
            return 1;
        return AddressText.Overlap(data.AddressTokens[a], data.AddressTokens[b]) >= 0.5 ? 2 : 3;
    }

    public override int Present(PreparedRecords data) => CountPresent(data.Address);
}
