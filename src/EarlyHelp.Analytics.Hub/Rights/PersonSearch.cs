using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Rights;

/// <summary>Who is being looked for, as the person asking gave it.</summary>
/// <param name="Forename">Forename.</param>
/// <param name="Surname">Surname.</param>
/// <param name="BirthDate">Date of birth.</param>
/// <param name="Postcode">Postcode, when given.</param>
public sealed record PersonQuery(string Forename, string Surname, DateOnly BirthDate, string? Postcode = null);

/// <summary>One person the search found, with the strongest of their records' matches.</summary>
/// <param name="Person">The hub person.</param>
/// <param name="MatchWeight">The best match weight of any of their records against the query, in bits.</param>
/// <param name="MatchProbability">Its match probability.</param>
/// <param name="Band">The linkage model's band of that probability (linked, clerical review, not linked).</param>
/// <param name="Identity">The person's name, date of birth and postcode as the hub resolved them, if it holds them.</param>
/// <param name="Records">How many identity records the person has.</param>
public sealed record PersonCandidate(PersonId Person, double MatchWeight, double MatchProbability, LinkageBand Band, Ingest.PersonIdentity? Identity, int Records);

/// <summary>
/// Finds a person for a right (access, objection, rectification) by name and date of birth, and postcode when given,
/// with the hub's newest linkage model: the query is one more record, compared with each candidate record by the
/// model's own comparisons and weights (<see cref="PairScoring.Explain"/>), and each person ranked by their best
/// record. Candidates are the records that share the date of birth (or its day–month transposition), the surname or
/// the postcode: the blocking a person's own records would pass. Every search states its purpose and is audited with
/// the people it showed.
/// </summary>
public sealed class PersonSearch
{
    /// <summary>The audit action of a search.</summary>
    public const string Action = "person.find";

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;

    /// <summary>A search over the hub's open connection.</summary>
    internal PersonSearch(DbConnection connection, AuditLog auditLog)
    {
        this.connection = connection;
        this.auditLog = auditLog;
    }

    /// <summary>
    /// The <paramref name="limit"/> best candidates for <paramref name="query"/>, best first. Throws
    /// <see cref="BadInputException"/> when the hub has no linkage model yet.
    /// </summary>
    public IReadOnlyList<PersonCandidate> Find(PersonQuery query, string purpose, string actor, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var model = LatestModel() ?? throw new BadInputException("hub", "the hub has no linkage model yet; load an extract first");
        var candidates = CandidateRecords(query);
        LinkageRecord[] records =
        [
            new() { Source = "search", RecordId = "query", Forename = query.Forename, Surname = query.Surname, BirthDate = query.BirthDate, Postcode = query.Postcode },
            .. candidates.Select(PersonLinkage.ToLinkageRecord),
        ];
        var best = new Dictionary<long, (double Weight, int Records)>();
        for (var i = 0; i < candidates.Count; i++)
        {
            var weight = PairScoring.Explain(records, model, new ScoredPair(0, i + 1, 0, 0, ReadOnlyMemory<sbyte>.Empty)).Sum(c => c.Weight);
            var person = candidates[i].PersonId;
            best[person] = best.TryGetValue(person, out var known) ? (Math.Max(known.Weight, weight), known.Records + 1) : (weight, 1);
        }
        var ranked = best.OrderByDescending(p => p.Value.Weight).ThenBy(p => p.Key).Take(limit)
            .Select(p =>
            {
                var probability = 1 / (1 + Math.Pow(2, -p.Value.Weight));
                return new PersonCandidate(new PersonId(p.Key), p.Value.Weight, probability, model.BandOf(probability), Identity(p.Key), RecordCount(p.Key));
            })
            .ToArray();
        auditLog.Append(actor, Action, "search", string.Create(CultureInfo.InvariantCulture,
            $"purpose: {purpose.Trim()}; {ranked.Length} candidates shown: {(ranked.Length == 0 ? "none" : string.Join(", ", ranked.Select(c => $"person {c.Person}")))}"));
        return ranked;
    }

    private LinkageModel? LatestModel()
    {
        using var command = connection.Command(null, "SELECT parameters FROM linkage_model WHERE parameters <> 'null' ORDER BY version DESC LIMIT 1");
        return command.ExecuteScalar() is string json ? LinkageModel.FromJson(json) : null;
    }

    private List<IdentityRecord> CandidateRecords(PersonQuery query)
    {
        var birth = HubQueries.FormatDate(query.BirthDate);
        // A day-month transposition is one of the errors the model's date comparison allows for.
        var swapped = query.BirthDate.Day <= 12 ? HubQueries.FormatDate(new DateOnly(query.BirthDate.Year, query.BirthDate.Day, query.BirthDate.Month)) : birth;
        var postcode = query.Postcode is { Length: > 0 } given ? given.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant() : null;
        using var command = connection.Command(null, """
            SELECT dataset, record_ref, agency_ref, forename, surname, date_of_birth, sex, address, postcode, nhs_number, person_id, kind, valid_from
            FROM identity_record
            WHERE date_of_birth IN (@p0, @p1) OR UPPER(surname) = @p2 OR UPPER(REPLACE(postcode, ' ', '')) = @p3
            """, birth, swapped, query.Surname.Trim().ToUpperInvariant(), postcode);
        using var reader = command.ExecuteReader();
        var records = new List<IdentityRecord>();
        while (reader.Read())
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            records.Add(new IdentityRecord
            {
                Dataset = reader.GetString(0), RecordRef = reader.GetString(1), AgencyRef = Text(2), Forename = Text(3), Surname = Text(4),
                BirthDate = Text(5) is { } date ? HubQueries.ParseDate(date) : null, Sex = Text(6), Address = Text(7), Postcode = Text(8),
                NhsNumber = Text(9), PersonId = reader.GetInt64(10),
                Kind = reader.GetString(11) == "event" ? IdentityRecordKind.Event : IdentityRecordKind.Register,
                ValidFrom = Text(12) is { } from ? HubQueries.ParseDate(from) : null,
            });
        }
        return records;
    }

    private Ingest.PersonIdentity? Identity(long person)
    {
        using var command = connection.Command(null, "SELECT forename, surname, date_of_birth, postcode FROM person_identity WHERE person_id = @p0", person);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
            return null;
        return new Ingest.PersonIdentity(new PersonId(person), reader.IsDBNull(0) ? "" : reader.GetString(0), reader.IsDBNull(1) ? "" : reader.GetString(1),
            reader.IsDBNull(2) ? null : HubQueries.ParseDate(reader.GetString(2)), reader.IsDBNull(3) ? "" : reader.GetString(3));
    }

    private int RecordCount(long person) =>
        Convert.ToInt32(connection.Scalar(null, "SELECT COUNT(*) FROM identity_record WHERE person_id = @p0", person), CultureInfo.InvariantCulture);
}
