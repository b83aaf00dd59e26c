using System.Data.Common;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>
/// Captures each prompt's <see cref="PromptContext"/> when its run is saved, in the run's transaction: the members on
/// the run's as-of date T (as the re-identification step reads them, so roles and ages match the names it shows), and
/// their records known before T that are open at T, ended or happened in the 12 months before T, or (statutory care)
/// ended at any time before T, with the worker or team the source names. The family is read here once; the pages
/// read only what this stores.
/// </summary>
internal static class PromptContextCapture
{
    /// <summary>Writes the context of every prompt of run <paramref name="runId"/> as of <paramref name="asOf"/>.</summary>
    public static void Store(DbConnection connection, DbTransaction transaction, long runId, DateOnly asOf)
    {
        var members = new Dictionary<string, List<(FamilyRole Role, int Age)>>(StringComparer.Ordinal);
        using (var command = connection.Command(transaction, $"""
            SELECT p.reference, m.role, pe.birth_month, pe.death_month {PromptStore.MembersOnTheAsOfDate}
            JOIN person pe ON pe.person_id = m.person_id
            WHERE p.run_id = @p0
            """, runId))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                if (!YearMonth.TryParse(reader.GetString(2), out var born) || born.FirstDay >= asOf)
                    continue;
                // A death known before T takes the member out, as the features count members.
                if (!reader.IsDBNull(3) && YearMonth.TryParse(reader.GetString(3), out var died) && died.CompareTo(YearMonth.Of(asOf)) < 0)
                    continue;
                var role = FamilyRoles.TryParse(reader.GetString(1), out var parsed) ? parsed : FamilyRole.Other;
                Add(members, reader.GetString(0), (role, born.AgeOn(asOf)));
            }
        }
        var records = new Dictionary<string, Dictionary<(string, string), InvolvementRecord>>(StringComparer.Ordinal);
        var recentStart = asOf.AddMonths(-PromptContext.RecentMonths);
        using (var command = connection.Command(transaction, $"""
            SELECT p.reference, e.dataset, e.source_ref, e.start_date, e.end_date, c.worker, c.worker_role, c.team, c.phone, c.email {PromptStore.MembersOnTheAsOfDate}
            JOIN event e ON e.person_id = m.person_id
            LEFT JOIN record_contact c ON c.dataset = e.dataset AND c.record_ref = e.source_ref
            WHERE p.run_id = @p0 AND e.start_date < @p1
            """, runId, HubQueries.FormatDate(asOf)))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var dataset = reader.GetString(1);
                var record = new InvolvementRecord(dataset, HubQueries.ParseDate(reader.GetString(3)),
                    reader.IsDBNull(4) ? null : HubQueries.ParseDate(reader.GetString(4)), Contact(reader, 5));
                var kept = record.IsOpenAt(asOf) || record.LastDay >= recentStart || (record.Definition?.Kind == DatasetKind.Outcome && record.End is not null);
                if (!kept)
                    continue;
                var reference = reader.GetString(0);
                if (!records.TryGetValue(reference, out var ofPrompt))
                    records[reference] = ofPrompt = [];
                // A person who is a member twice (two roles) brings each record twice: keep it once.
                ofPrompt[(dataset, reader.GetString(2))] = record;
            }
        }
        var references = new List<string>();
        using (var command = connection.Command(transaction, "SELECT reference FROM prompt WHERE run_id = @p0", runId))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                references.Add(reader.GetString(0));
        }
        var rows = references.Select(reference => new object?[]
        {
            reference,
            PromptContextJson.Write(new PromptContext(asOf,
                (members.GetValueOrDefault(reference) ?? []).OrderBy(m => m.Role).ThenByDescending(m => m.Age).Select(m => new MemberAge(m.Role, m.Age)).ToArray(),
                (records.GetValueOrDefault(reference)?.Values ?? Enumerable.Empty<InvolvementRecord>())
                    .OrderByDescending(r => r.Start).ThenBy(r => r.Dataset, StringComparer.Ordinal).ToArray())),
        }).ToArray();
        // VALUES names its columns column1, column2, … on both SQLite and PostgreSQL.
        RowBatches.Execute(connection, transaction, "UPDATE prompt SET context = v.column2 FROM (", rows, ") AS v WHERE prompt.reference = v.column1");
    }

    private static void Add(Dictionary<string, List<(FamilyRole, int)>> members, string reference, (FamilyRole, int) member)
    {
        if (!members.TryGetValue(reference, out var list))
            members[reference] = list = [];
        list.Add(member);
    }

    private static WorkerContact? Contact(DbDataReader reader, int first)
    {
        string? Text(int column) => reader.IsDBNull(column) || reader.GetString(column).Trim().Length == 0 ? null : reader.GetString(column).Trim();
        var contact = new WorkerContact(Text(first), Text(first + 1), Text(first + 2), Text(first + 3), Text(first + 4));
        return contact.IsEmpty ? null : contact;
    }
}
