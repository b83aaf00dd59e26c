using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Output;

/// <summary>One file the generator writes.</summary>
/// <param name="Name">File name.</param>
/// <param name="Columns">Header columns.</param>
/// <param name="Dataset">Dataset code for an agency extract; null for a council or truth file.</param>
/// <param name="IsTruth">True for a ground-truth file, written outside the extract folder.</param>
internal sealed record OutputFile(string Name, IReadOnlyList<string> Columns, string? Dataset, bool IsTruth);

/// <summary>
/// Every file of a run, in a fixed order: the council files, one extract per dataset, then the ground
/// truth (the canonical registers with master ids, the family need and the record-to-person map).
/// </summary>
internal static class OutputFiles
{
    /// <summary>Position of the first council file (<see cref="CouncilFiles.All"/> order).</summary>
    public const int FirstCouncilFile = 0;

    /// <summary>Position of the first dataset extract.</summary>
    public static readonly int FirstDataset = CouncilFiles.All.Count;

    /// <summary>Position of the first true register (<see cref="RegisterFiles.All"/> order).</summary>
    public static readonly int FirstRegister = FirstDataset + DatasetCatalogue.All.Count;

    /// <summary>Position of the family need truth file.</summary>
    public static readonly int FamilyNeed = FirstRegister + RegisterFiles.All.Count;

    /// <summary>Position of the record-to-person truth file.</summary>
    public static readonly int RecordPeople = FamilyNeed + 1;

    /// <summary>Columns of the family need truth file: the family, the month, and a severity 0–3 per headline problem.</summary>
    public static IReadOnlyList<string> FamilyNeedColumns { get; } =
        ["family_id", "month", .. ProblemCategories.Headline.Select(c => c.Code())];

    /// <summary>Every file, council files first.</summary>
    public static IReadOnlyList<OutputFile> All { get; } =
    [
        .. CouncilFiles.All.Select(c => new OutputFile(c.FileName, c.Columns, null, false)),
        .. DatasetCatalogue.All.Select(d => new OutputFile(d.Layout.FileName, d.Layout.Columns, d.Code, false)),
        .. RegisterFiles.All.Select(r => new OutputFile(r.FileName, r.Columns, null, true)),
        new("family_need.csv", FamilyNeedColumns, null, true),
        new("record_people.csv", ["dataset", "record_id", "person_id"], null, true),
    ];

    /// <summary>Position of the council file <paramref name="layout"/>.</summary>
    public static int Of(CouncilFileLayout layout) => FirstCouncilFile + IndexOf(CouncilFiles.All, layout);

    /// <summary>Position of the true register <paramref name="layout"/>.</summary>
    public static int Of(RegisterLayout layout) => FirstRegister + IndexOf(RegisterFiles.All, layout);

    private static int IndexOf<T>(IReadOnlyList<T> list, T item) where T : class
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (ReferenceEquals(list[i], item))
                return i;
        }
        throw new ArgumentException("Not one of the generator's files.", nameof(item));
    }
}
