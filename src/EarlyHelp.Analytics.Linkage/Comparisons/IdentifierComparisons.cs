namespace EarlyHelp.Analytics.Linkage;

/// <summary>NHS (or another national) number: exact, one keying error, else.</summary>
internal sealed class NhsNumberComparison : Comparison
{
    public override string Name => "nhs_number";

    public override IReadOnlyList<string> Labels { get; } = ["exact", "one keying error", "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Nhs[i], b = data.Nhs[j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        return EditDistance.IsOneEdit(data.NhsValues[a], data.NhsValues[b]) ? 1 : 2;
    }

    public override int Present(PreparedRecords data) => CountPresent(data.Nhs);
}

/// <summary>Sex: the same, else.</summary>
internal sealed class SexComparison : Comparison
{
    public override string Name => "sex";

    public override IReadOnlyList<string> Labels { get; } = ["same", "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Sex[i], b = data.Sex[j];
        return a < 0 || b < 0 ? -1 : a == b ? 0 : 1;
    }

    public override int Present(PreparedRecords data) => data.Sex.Count(s => s >= 0);
}

/// <summary>
/// The source's own person reference: within one source, the same reference or another. Pairs from different
/// sources, or without a reference, are missing (the references of two sources mean nothing to each other).
/// </summary>
internal sealed class SourceReferenceComparison : Comparison
{
    public override string Name => "source_reference";

    public override IReadOnlyList<string> Labels { get; } = ["same source reference", "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.EntityRef[i], b = data.EntityRef[j];
        if (a < 0 || b < 0 || data.Source[i] != data.Source[j])
            return -1;
        return a == b ? 0 : 1;
    }

    public override int Present(PreparedRecords data) => CountPresent(data.EntityRef);
}

/// <summary>An extra field: exact, Jaro–Winkler bands (the first two of the settings), else.</summary>
internal sealed class OtherFieldComparison(int field, string fieldName, IReadOnlyList<double> thresholds) : Comparison
{
    private readonly double[] bands = [.. thresholds.Take(2)];

    public override string Name => "other:" + fieldName;

    public override IReadOnlyList<string> Labels { get; } = ["exact", .. BandLabels(thresholds.Take(2)), "else"];

    public override int Level(PreparedRecords data, int i, int j)
    {
        int a = data.Other[field][i], b = data.Other[field][j];
        if (a < 0 || b < 0)
            return -1;
        if (a == b)
            return 0;
        return 1 + Band(JaroWinkler.Similarity(data.OtherValues[field][a], data.OtherValues[field][b]), bands);
    }

    public override int Present(PreparedRecords data) => CountPresent(data.Other[field]);
}
