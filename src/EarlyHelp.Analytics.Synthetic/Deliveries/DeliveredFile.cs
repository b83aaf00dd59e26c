using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Synthetic.Deliveries;

/// <summary>
/// How one file of the extract folder is cut into deliveries: the columns that date its rows, in its own date format,
/// whether each delivery is the whole file or only what changed, and the dataset whose reporting lag applies.
/// </summary>
/// <param name="Name">File name.</param>
/// <param name="Dataset">The dataset code of an agency extract (its reporting lag applies); null for a council file.</param>
/// <param name="Columns">The header.</param>
/// <param name="DateFormat">The format of its dates.</param>
/// <param name="RecordIdColumn">Its record reference column.</param>
/// <param name="StartColumn">The column dating a row; null for a file delivered whole every time (the gazetteer).</param>
/// <param name="EndColumn">The column ending a row, blank while open; null when rows do not end.</param>
/// <param name="Refresh">Full refresh or changes only, as the catalogue says.</param>
internal sealed record DeliveredFile(string Name, string? Dataset, IReadOnlyList<string> Columns, string DateFormat,
    string RecordIdColumn, string? StartColumn, string? EndColumn, ExtractRefresh Refresh)
{
    /// <summary>Every file of the extract folder, council files first, as the generator writes them.</summary>
    public static IReadOnlyList<DeliveredFile> All { get; } =
    [
        // A council register is kept current: its rows carry no reporting lag (an assumption, docs/synthetic-city.md).
        .. CouncilFiles.All.Select(c => new DeliveredFile(c.FileName, null, c.Columns, c.DateFormat, c.RecordIdColumn,
            c.RecordDateColumn ?? c.StartDateColumn, c.EndDateColumn, c.Refresh)),
        .. DatasetCatalogue.All.Select(d => new DeliveredFile(d.Layout.FileName, d.Code, d.Layout.Columns, d.Layout.DateFormat,
            d.Layout.RecordIdColumn, d.Layout.StartDateColumn, d.Layout.EndDateColumn, d.Refresh)),
    ];
}
