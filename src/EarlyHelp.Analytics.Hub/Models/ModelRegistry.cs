using System.Data.Common;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Models;

/// <summary>
/// The model registry (<c>model_registry</c>): every trained model's folder, file hash, as-of date,
/// headline metrics and status. A model enters as a candidate; an analyst proposes it (<see cref="Propose"/>) and
/// only an information governance reviewer's sign-off (<see cref="Promote"/>) — a second named person, with a note
/// answering each fairness flag — makes it the champion, and the previous champion is retired in the same
/// transaction. Registrations, proposals and decisions are written to the audit log in their transaction too.
/// </summary>
public sealed partial class ModelRegistry
{
    private const string Columns =
        "name, folder, model_sha256, as_of, test_as_of, metrics, created_at, created_by, status, promoted_by, promoted_at, promotion_note, retired_at";

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    /// <summary>A registry over the hub's open connection.</summary>
    internal ModelRegistry(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>Every registered model, oldest first.</summary>
    public IReadOnlyList<RegisteredModel> List() => Read(null, $"SELECT {Columns} FROM model_registry ORDER BY created_at, name");

    /// <summary>The model registered under <paramref name="name"/>, or null.</summary>
    public RegisteredModel? Find(string name) => Read(null, $"SELECT {Columns} FROM model_registry WHERE name = @p0", name).SingleOrDefault();

    /// <summary>The current champion, or null when no model has been promoted.</summary>
    public RegisteredModel? Champion() => Read(null, $"SELECT {Columns} FROM model_registry WHERE status = 'champion'").SingleOrDefault();

    /// <summary>
    /// Starts registering a candidate: the row and its audit entry are written in a transaction that stays
    /// open until <see cref="PendingRegistration.Commit"/>, so that the caller can put the model folder in
    /// place between the two and a failure of either leaves no row. Throws <see cref="BadInputException"/>
    /// when the name is taken.
    /// </summary>
    public PendingRegistration Begin(ModelRegistration registration, string actor)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentException.ThrowIfNullOrWhiteSpace(registration.Name);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var transaction = connection.BeginWriteTransaction();
        try
        {
            if (connection.Scalar(transaction, "SELECT 1 FROM model_registry WHERE name = @p0", registration.Name) is not null)
                throw new BadInputException(registration.Folder, $"a model named '{registration.Name}' is already registered; a model is never overwritten, so choose another name");
            var now = clock.GetUtcNow();
            connection.Execute(transaction, $"""
                INSERT INTO model_registry ({Columns})
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, 'candidate', NULL, NULL, NULL, NULL)
                """,
                registration.Name, registration.Folder, registration.ModelSha256, HubQueries.FormatDate(registration.AsOf),
                HubQueries.FormatDate(registration.TestAsOf), JsonSerializer.Serialize(registration.Metrics),
                HubQueries.FormatTime(now), actor);
            auditLog.Append(transaction, actor, "model.register", $"model {registration.Name}",
                $"folder {registration.Folder}; model sha256 {registration.ModelSha256}; as of {HubQueries.FormatDate(registration.AsOf)}");
            return new PendingRegistration(transaction);
        }
        catch
        {
            transaction.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Signs off the open proposal for <paramref name="name"/>: makes the candidate the champion and retires the current
    /// champion, with the reviewer's name and note, closes the proposal and writes the promotion to the audit log — all
    /// in one transaction. Throws <see cref="BadInputException"/> for a model that is not a candidate, when
    /// <paramref name="by"/> is not an enabled ig account or is the proposer, when no proposal is open, when the champion
    /// changed since the proposal, or when the note leaves a fairness flag unanswered. The evidence checks were the
    /// proposer's (<see cref="Propose"/>).
    /// </summary>
    public RegisteredModel Promote(string name, string by, string note)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        using var transaction = connection.BeginWriteTransaction();
        RequireCandidate(transaction, name);
        var proposal = CheckSignOff(transaction, name, by, note);
        Decide(transaction, proposal, "signed_off", by, note);
        var now = HubQueries.FormatTime(clock.GetUtcNow());
        var previous = Read(transaction, $"SELECT {Columns} FROM model_registry WHERE status = 'champion'").SingleOrDefault();
        if (previous is not null)
            connection.Execute(transaction, "UPDATE model_registry SET status = 'retired', retired_at = @p1 WHERE name = @p0", previous.Name, now);
        connection.Execute(transaction,
            "UPDATE model_registry SET status = 'champion', promoted_by = @p1, promoted_at = @p2, promotion_note = @p3 WHERE name = @p0",
            name, by, now, note);
        var detail = $"signs off proposal {proposal.Id} by {proposal.ProposedBy}: {note}{(previous is null ? "" : $" (retires {previous.Name})")}";
        auditLog.Append(transaction, by, "model.promote", $"model {name}", detail);
        var promoted = Read(transaction, $"SELECT {Columns} FROM model_registry WHERE name = @p0", name).Single();
        transaction.Commit();
        return promoted;
    }

    private List<RegisteredModel> Read(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var models = new List<RegisteredModel>();
        while (reader.Read())
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            var registration = new ModelRegistration(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                HubQueries.ParseDate(reader.GetString(3)), HubQueries.ParseDate(reader.GetString(4)),
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(5)) ?? []);
            var promotedBy = Text(9);
            var promotion = promotedBy is null ? null : new ModelPromotion(promotedBy, HubQueries.ParseTime(Text(10)!), Text(11) ?? "");
            models.Add(new RegisteredModel(registration, HubQueries.ParseTime(reader.GetString(6)), reader.GetString(7),
                ModelStatuses.Parse(reader.GetString(8)), promotion, Text(12) is { } retired ? HubQueries.ParseTime(retired) : null));
        }
        return models;
    }
}

/// <summary>
/// A registration written but not yet committed. <see cref="Commit"/> makes it visible; disposing it
/// without committing rolls it back, leaving the registry and the audit log as they were.
/// </summary>
public sealed class PendingRegistration : IDisposable
{
    private readonly DbTransaction transaction;

    internal PendingRegistration(DbTransaction transaction) => this.transaction = transaction;

    /// <summary>Commits the row and its audit entry.</summary>
    public void Commit() => transaction.Commit();

    /// <summary>Rolls back unless committed.</summary>
    public void Dispose() => transaction.Dispose();
}
