using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>One file the generator writes.</summary>
/// <param name="Name">File name.</param>
/// <param name="Columns">Header columns.</param>
/// <param name="Dataset">Dataset code for an agency extract; null for a register or truth file.</param>
/// <param name="IsTruth">True for a ground-truth file, written outside the extract folder.</param>
internal sealed record OutputFile(string Name, IReadOnlyList<string> Columns, string? Dataset, bool IsTruth);

/// <summary>Every file of a run, in a fixed order: the registers, one extract per dataset, then the ground truth.</summary>
internal static class OutputFiles
{
    /// <summary>Position of the first dataset extract in <see cref="All"/>.</summary>
    public static readonly int FirstDataset = RegisterFiles.All.Count;

    /// <summary>Position of the family need truth file.</summary>
    public static readonly int FamilyNeed = FirstDataset + DatasetCatalogue.All.Count;

    /// <summary>Position of the record-to-person truth file.</summary>
    public static readonly int RecordPeople = FamilyNeed + 1;

    /// <summary>Columns of the family need truth file: the family, the month, and a severity 0–3 per headline problem.</summary>
    public static IReadOnlyList<string> FamilyNeedColumns { get; } =
        ["family_id", "month", .. ProblemCategories.Headline.Select(c => c.Code())];

    /// <summary>Every file, registers first.</summary>
    public static IReadOnlyList<OutputFile> All { get; } =
    [
        .. RegisterFiles.All.Select(r => new OutputFile(r.FileName, r.Columns, null, false)),
        .. DatasetCatalogue.All.Select(d => new OutputFile(d.Layout.FileName, d.Layout.Columns, d.Code, false)),
        new("family_need.csv", FamilyNeedColumns, null, true),
        new("record_people.csv", ["dataset", "record_id", "person_id"], null, true),
    ];
}
