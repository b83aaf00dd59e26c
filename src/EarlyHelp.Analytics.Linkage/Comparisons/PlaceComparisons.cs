namespace EarlyHelp.Analytics.Linkage;

/// <summary>
/// Address and postcode as one comparison, because they are not independent: people at one address share
/// both, so two comparisons would count living together twice and join a household's members into one
/// person (the conditional-independence failure Splink's documentation warns of). Levels, most agreeing
/// first: same address and postcode; same address only; same postcode with an address missing; same
/// postcode with another address (a neighbour); half the address words shared; same postcode sector;
/// postcode one keying error; same postcode district; else. Missing when neither field can be compared.
/// </summary>
internal sealed class AddressComparison(IReadOnlyList<double> thresholds) : Comparison
{
    public override string Name => "address";

    public override IReadOnlyList<string> Labels { get; } =
    [
        "same address and postcode", "same address, postcode differs or missing", "same postcode, an address missing",
        "same postcode, other address", "half the address words shared", "same postcode sector", "postcode one keying error",
        "same postcode district", "else",
    ];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int ai = data.Address[i], aj = data.Address[j], pi = data.Postcode[i], pj = data.Postcode[j];
        var addressCompared = ai >= 0 && aj >= 0;
        var postcodeCompared = pi >= 0 && pj >= 0;
        if (!addressCompared && !postcodeCompared)
            return -1;
        var samePostcode = postcodeCompared && pi == pj;
        var sameAddress = addressCompared
            && (ai == aj || JaroWinkler.Similarity(data.AddressValues[ai], data.AddressValues[aj]) >= thresholds[0]);
        if (sameAddress)
            return samePostcode ? 0 : 1;
        if (samePostcode)
            return addressCompared ? 3 : 2;
        if (addressCompared && AddressText.Overlap(data.AddressTokens[ai], data.AddressTokens[aj]) >= 0.5)
            return 4;
        if (!postcodeCompared)
            return 8;
        if (data.PostcodeSector[i] >= 0 && data.PostcodeSector[i] == data.PostcodeSector[j])
            return 5;
        if (EditDistance.IsOneEdit(data.PostcodeValues[pi], data.PostcodeValues[pj]))
            return 6;
        return data.PostcodeDistrict[i] >= 0 && data.PostcodeDistrict[i] == data.PostcodeDistrict[j] ? 7 : 8;
    }

    public override int Present(PreparedRecords data)
    {
        var count = 0;
        for (var i = 0; i < data.Count; i++)
            if (data.Address[i] >= 0 || data.Postcode[i] >= 0)
                count++;
        return count;
    }
}
