using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Rights;

/// <summary>
/// Gathers what the hub holds about one person for a subject access request (UK GDPR article 15): their agency records
/// as received, events, residences, family memberships, the prompts and reviews about their families (those stored with
/// them as a member on the run's as-of date), the runs that kept such a family of theirs in the comparison set, their objections,
/// and every audit entry of someone finding, viewing or re-identifying them. Other people's data is left out: families
/// appear by id and role only, prompts without their evidence (which describes the whole family), audit entries without
/// their details (which may name others). The export is itself audited.
/// </summary>
public sealed partial class SubjectAccess
{
    /// <summary>The audit action of an export.</summary>
    public const string Action = "subject_access.export";

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>Exports over the hub's open connection.</summary>
    internal SubjectAccess(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>What the hub holds about <paramref name="person"/>; <see cref="BadInputException"/> when it holds no such person.</summary>
    public SubjectAccessReport Export(PersonId person, string purpose, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var id = person.Value;
        var birthMonth = connection.Scalar(null, "SELECT birth_month FROM person WHERE person_id = @p0", id) as string;
        var records = Records(id);
        if (birthMonth is null && records.Count == 0)
            throw new BadInputException($"person {person}", "the hub holds no such person");
        var families = Rows("SELECT family_id, role, start_date, end_date FROM family_member WHERE person_id = @p0 ORDER BY start_date, family_id", id,
            r => new SubjectFamily(r.GetInt64(0), r.GetString(1), r.GetString(2), Text(r, 3)));
        var prompts = Prompts(id);
        var report = new SubjectAccessReport(id, clock.GetUtcNow(), Identity(id), birthMonth, records,
            Rows("""
                SELECT e.dataset, d.name, e.source_ref, e.start_date, e.end_date, e.value FROM event e JOIN dataset d ON d.code = e.dataset
                WHERE e.person_id = @p0 ORDER BY e.start_date, e.dataset, e.source_ref
                """, id, r => new SubjectEvent(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Text(r, 4), r.IsDBNull(5) ? null : r.GetDouble(5))),
            Rows("""
                SELECT g.address, g.postcode, s.start_date, s.end_date FROM residence s JOIN household h ON h.household_id = s.household_id
                JOIN gazetteer g ON g.uprn = h.uprn WHERE s.person_id = @p0 ORDER BY s.start_date
                """, id, r => new SubjectResidence(r.GetString(0), r.GetString(1), r.GetString(2), Text(r, 3))),
            families, prompts,
            Rows("SELECT recorded_at, reason FROM opt_out WHERE person_id = @p0", id, r => new SubjectObjection(r.GetString(0), r.GetString(1))),
            Accesses(id, records.Select(r => r.RecordRef), prompts.Select(p => p.Reference)))
        {
            Comparisons = Rows("""
                SELECT c.family_id, c.run_id, r.as_of, c.rank FROM comparison_family c JOIN scoring_run r ON r.run_id = c.run_id
                WHERE EXISTS (SELECT 1 FROM comparison_member m WHERE m.run_id = c.run_id AND m.rank = c.rank AND m.person_id = @p0)
                ORDER BY c.run_id, c.rank
                """, id, r => new SubjectComparison(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetInt32(3))),
        };
        auditLog.Append(actor, Action, $"person {person}", string.Create(CultureInfo.InvariantCulture,
            $"purpose: {purpose.Trim()}; {report.Records.Count} records, {report.Events.Count} events, {report.Prompts.Count} prompts, {report.Accesses.Count} accesses exported"));
        return report;
    }

    private SubjectIdentity? Identity(long id) =>
        Rows("SELECT forename, surname, date_of_birth, postcode FROM person_identity WHERE person_id = @p0", id,
            r => new SubjectIdentity(Text(r, 0), Text(r, 1), Text(r, 2), Text(r, 3))).FirstOrDefault();

    private List<SubjectRecord> Records(long id) => Rows("""
        SELECT r.dataset, r.record_ref, r.agency_ref, r.forename, r.surname, r.date_of_birth, r.sex, r.address, r.postcode, r.nhs_number,
            r.ethnicity, r.disability, r.valid_from, r.valid_to, r.relationship, r.match_probability, d.agency
        FROM identity_record r LEFT JOIN dataset d ON d.code = r.dataset
        WHERE r.person_id = @p0 ORDER BY r.dataset, r.record_ref
        """, id, r =>
        {
            var dataset = r.GetString(0);
            var agency = Text(r, 16) ?? CouncilFiles.All.FirstOrDefault(f => CouncilFiles.DatasetName(f) == dataset)?.Agency ?? dataset;
            return new SubjectRecord(agency, dataset, r.GetString(1), Text(r, 2), Text(r, 3), Text(r, 4), Text(r, 5), Text(r, 6), Text(r, 7), Text(r, 8),
                Text(r, 9), Text(r, 10), Text(r, 11), Text(r, 12), Text(r, 13), Text(r, 14), r.IsDBNull(15) ? null : r.GetDouble(15));
        });

    private List<SubjectPrompt> Prompts(long id)
    {
        var prompts = Rows("""
            SELECT p.reference, r.as_of, p.probability, p.band, p.hidden_reason FROM prompt p JOIN scoring_run r ON r.run_id = p.run_id
            WHERE p.reference IN (SELECT reference FROM prompt_member WHERE person_id = @p0) ORDER BY r.as_of, p.reference
            """, id, r => new SubjectPrompt(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetString(3), Text(r, 4), []));
        return prompts.Select(p => p with
        {
            Reviews = Rows("SELECT outcome, reason, reviewer, at FROM review WHERE reference = @p0 ORDER BY review_id", p.Reference,
                r => new SubjectReview(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3))),
            DataQuality = Rows("""
                SELECT s.query_id, s.status, s.dataset, s.actor, s.at, s.note FROM data_quality_step s
                JOIN data_quality_query q ON q.query_id = s.query_id WHERE q.reference = @p0 ORDER BY s.query_id, s.step
                """, p.Reference, r => new SubjectDataQualityStep(r.GetInt64(0), r.GetString(1), Text(r, 2), r.GetString(3), r.GetString(4), r.GetString(5))),
        }).ToList();
    }

    // Entries naming the person (a search that showed them, an objection, an earlier export), one of their records (a
    // clerical review), or a prompt about their family (viewed, re-identified).
    private List<SubjectAccessEntry> Accesses(long id, IEnumerable<string> recordRefs, IEnumerable<string> promptReferences)
    {
        var named = new Regex($@"\bperson {id}\b", RegexOptions.CultureInvariant);
        var references = promptReferences.ToHashSet(StringComparer.Ordinal);
        var refs = recordRefs.ToArray();
        return auditLog.Entries()
            .Where(e => named.IsMatch(e.Subject) || named.IsMatch(e.Detail) || references.Contains(e.Subject)
                || (e.Action.StartsWith("clerical.", StringComparison.Ordinal) && refs.Any(r => e.Detail.Contains(r, StringComparison.Ordinal))))
            .Select(e => new SubjectAccessEntry(e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.Actor, e.Action, PurposeOf(e.Detail)))
            .ToList();
    }

    private static string? PurposeOf(string detail) => PurposePattern().Match(detail) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^purpose: ([^;]*)", RegexOptions.CultureInvariant)]
    private static partial Regex PurposePattern();

    private List<T> Rows<T>(string sql, object parameter, Func<DbDataReader, T> read)
    {
        using var command = connection.Command(null, sql, parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    private static string? Text(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
}
