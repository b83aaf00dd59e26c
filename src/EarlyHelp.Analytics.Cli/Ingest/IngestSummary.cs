using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Cli.Ingest;

/// <summary>The table <c>earlyhelp ingest</c> ends with: what happened to the rows of each hub table.</summary>
internal static class IngestSummary
{
    /// <summary>Writes the summary of <paramref name="report"/>.</summary>
    public static void Write(TextWriter output, IngestReport report, string hub)
    {
        var seconds = (report.FinishedAt - report.StartedAt).TotalSeconds;
        var rows = report.Files.Sum(file => file.Rows);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loaded the extract of {report.ExtractDate:yyyy-MM-dd} from {report.Folder} into {hub}: {rows:N0} rows in {seconds:0.0} s ({rows / Math.Max(seconds, 1e-3):N0} rows/s)."));
        output.WriteLine();
        var table = new TextTable("table", "rows read", "added", "amended", "already present", "deleted at source", "dropped by retention");
        foreach (var summary in report.ByTable())
            table.Add(summary.Table, Number(summary.Rows), Number(summary.Counts.Added), Number(summary.Counts.Updated),
                Number(summary.Counts.AlreadyPresent), Number(summary.Deleted), Number(summary.DroppedByRetention));
        var total = report.Counts;
        table.Add("total", Number(rows), Number(total.Added), Number(total.Updated), Number(total.AlreadyPresent), Number(report.Deleted), Number(report.DroppedByRetention));
        table.WriteTo(output);
        output.WriteLine();
        output.WriteLine("amended: records already in the hub that this extract changed (a corrected date, an end filled in); the change is kept.");
        output.WriteLine("deleted at source: records a full-refresh extract no longer holds, deleted with their identity records.");
        foreach (var file in report.Files.Where(file => file.NotApplied is not null))
            output.WriteLine($"Not applied: {file.Path}: {file.NotApplied}.");
        foreach (var (dataset, records) in report.Expired)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Retention: {records:N0} records of {dataset} past the retention period deleted."));
        if (report.AfterLoad is { Prompts.Prompts: > 0 } afterLoad)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Retention: {afterLoad.Prompts.Prompts:N0} prompts past their period deleted, with {afterLoad.Prompts.Reviews:N0} reviews."));
        if (report.AfterLoad?.AuditCut is { } cut)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Retention: {cut.EntriesRemoved:N0} audit entries past their period removed; entry {cut.After.RecordedBy:N0} records the cut."));
        if (report.AfterLoadSkipped)
            output.WriteLine("Retention: prompts and the audit log were not cut, because the audit trail does not verify; run 'earlyhelp audit-log verify'.");
        if (report.Linkage is { } linkage)
        {
            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Linked {linkage.Records:N0} records ({linkage.NewRecords:N0} new) into {linkage.People:N0} people in {linkage.Seconds:0.0} s ({linkage.Records / Math.Max(linkage.Seconds, 1e-3):N0} records/s, {linkage.ComparisonsPerRecord:0.0} comparisons per record)."));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"People created {linkage.Created:N0}, merged {linkage.Merges:N0}, split {linkage.Splits:N0}; clerical review queue {linkage.ClericalQueue:N0} pairs; expected false links {linkage.ExpectedFalseLinks:N1}, expected missed links {linkage.ExpectedMissedLinks:N1}."));
            if (linkage.Estimation is { Converged: false } estimation)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"Warning: the linkage model's estimation reached its iteration limit without converging ({estimation.Iterations:N0} EM iterations in all), so its weights, and the links above, may not be settled."));
        }
        if (report.Derived.Count > 0)
        {
            output.WriteLine();
            var derived = new TextTable("derived table", "rows before", "rows after");
            foreach (var count in report.Derived)
                derived.Add(count.Table, Number(count.Before), Number(count.After));
            derived.WriteTo(output);
        }
    }

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
