using System.Data.Common;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>
/// The hub's <c>dataset</c> table, which every event row refers to, kept in step with the catalogue in use: a dataset
/// added to the catalogue file gets its row before its first records load. Rows are never removed here, because
/// records of a dataset dropped from the catalogue leave only by retention or an administrator's removal.
/// </summary>
internal static class DatasetRows
{
    /// <summary>Inserts a row for each catalogue dataset the table lacks; returns how many were added.</summary>
    public static int AddMissing(DbConnection connection, DbTransaction transaction)
    {
        var added = 0;
        foreach (var dataset in DatasetCatalogue.All)
        {
            added += connection.Execute(transaction, """
                INSERT INTO dataset (code, name, agency, category, kind, retention_months, file_name, value_meaning)
                SELECT @p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7
                WHERE NOT EXISTS (SELECT 1 FROM dataset WHERE code = @p0)
                """,
                dataset.Code, dataset.Name, dataset.Agency, dataset.Category.Code(), dataset.Kind.Code(),
                dataset.RetentionMonths, dataset.Layout.FileName, dataset.ValueMeaning);
        }

        return added;
    }
}
