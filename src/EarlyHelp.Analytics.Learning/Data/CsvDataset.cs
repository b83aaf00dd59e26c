namespace EarlyHelp.Analytics.Learning.Data;

/// <summary>A dataset read from a CSV file, with the identifier columns carried alongside its rows.</summary>
/// <param name="Dataset">The features (and labels, when a label column was read), rows in file order.</param>
/// <param name="IdColumnNames">The identifier columns, in the order they were asked for.</param>
/// <param name="IdValues">For each identifier column, its value on every row.</param>
public sealed record CsvDataset(DenseDataset Dataset, IReadOnlyList<string> IdColumnNames, IReadOnlyList<string[]> IdValues);

/// <summary>Which columns of a CSV file are what: every column not named here is a feature.</summary>
public sealed record CsvColumns
{
    /// <summary>The label column (values 0 or 1), or null when the file is read without labels.</summary>
    public string? Label { get; init; }

    /// <summary>Whether the label column must be present; when false, it is skipped if present and read as labels otherwise not at all.</summary>
    public bool LabelRequired { get; init; } = true;

    /// <summary>Identifier columns, carried through as text and never features.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>
    /// The features the file must have (e.g. a model's), in the order the dataset gets them; the
    /// file may hold them in any order. Null to take every other column, in file order.
    /// </summary>
    public IReadOnlyList<string>? Features { get; init; }

    /// <summary>Whose features <see cref="Features"/> are, for the message when the file's differ. Default "the model".</summary>
    public string FeaturesOwner { get; init; } = "the model";
}
