using System.Data.Common;
using System.Text.Json;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Hub.Models;

/// <summary>
/// Promotion in two steps by two people: an analyst proposes a candidate that passed the promotion checks
/// (<see cref="Propose"/>), and an information governance reviewer either signs it off, which makes it the champion
/// (<see cref="Promote"/>), or refuses it (<see cref="Refuse"/>). Each step is one transaction with its audit entry.
/// </summary>
public sealed partial class ModelRegistry
{
    private const string ProposalColumns =
        "proposal_id, model, proposed_by, proposed_at, proposal_note, checks, flag_ids, champion_at_proposal, decision, decided_by, decided_at, decision_note";

    /// <summary>Every proposal for <paramref name="name"/>, oldest first.</summary>
    public IReadOnlyList<ModelProposal> Proposals(string name) =>
        ReadProposals(null, $"SELECT {ProposalColumns} FROM model_proposal WHERE model = @p0 ORDER BY proposal_id", name);

    /// <summary>Every proposal awaiting a decision, oldest first.</summary>
    public IReadOnlyList<ModelProposal> OpenProposals() =>
        ReadProposals(null, $"SELECT {ProposalColumns} FROM model_proposal WHERE decision IS NULL ORDER BY proposal_id");

    /// <summary>
    /// Records an analyst's proposal of the candidate <paramref name="name"/> with the checks it passed. Throws
    /// <see cref="BadInputException"/> unless <paramref name="by"/> is an enabled analyst account, the model is a
    /// candidate with no open proposal, every check passed and the note is not empty.
    /// </summary>
    public ModelProposal Propose(string name, string by, string note, ProposalEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (string.IsNullOrWhiteSpace(note))
            throw new BadInputException(name, "a proposal needs a note saying why the candidate should replace the champion");
        if (evidence.Checks.FirstOrDefault(c => !c.Passed) is { } failed)
            throw new BadInputException(name, $"a candidate that fails a promotion check cannot be proposed; it fails '{failed.Rule}'");
        using var transaction = connection.BeginWriteTransaction();
        RequireAccount(transaction, name, by, UserRole.Analyst.Code(), "a proposal needs an enabled analyst account");
        RequireCandidate(transaction, name);
        if (OpenProposal(transaction, name) is not null)
            throw new BadInputException(name, "the model already has a proposal awaiting information governance; it must be signed off or refused first");
        var champion = Read(transaction, $"SELECT {Columns} FROM model_registry WHERE status = 'champion'").SingleOrDefault()?.Name;
        connection.Execute(transaction, """
            INSERT INTO model_proposal (model, proposed_by, proposed_at, proposal_note, checks, flag_ids, champion_at_proposal)
            VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
            """,
            name, by, HubQueries.FormatTime(clock.GetUtcNow()), note, JsonSerializer.Serialize(evidence.Checks), JsonSerializer.Serialize(evidence.FlagIds), champion);
        var flags = evidence.FlagIds.Count == 0 ? "no fairness flag" : $"fairness flags to answer: {string.Join(", ", evidence.FlagIds)}";
        auditLog.Append(transaction, by, "model.propose", $"model {name}", $"{note} ({flags})");
        var proposal = OpenProposal(transaction, name)!;
        transaction.Commit();
        return proposal;
    }

    /// <summary>
    /// Records an information governance reviewer's refusal of the open proposal for <paramref name="name"/>; the model stays
    /// a candidate and may be proposed again. Throws <see cref="BadInputException"/> unless <paramref name="by"/> is an
    /// enabled ig account, the note is not empty and a proposal is open.
    /// </summary>
    public ModelProposal Refuse(string name, string by, string note)
    {
        if (string.IsNullOrWhiteSpace(note))
            throw new BadInputException(name, "a refusal needs a note saying why");
        using var transaction = connection.BeginWriteTransaction();
        RequireAccount(transaction, name, by, UserRole.Governance.Code(), "a refusal needs an enabled information governance (ig) reviewer's account");
        var open = OpenProposal(transaction, name) ?? throw new BadInputException(name, "the model has no proposal awaiting a decision");
        Decide(transaction, open, "refused", by, note);
        auditLog.Append(transaction, by, "model.refuse", $"model {name}", note);
        var refused = ReadProposals(transaction, $"SELECT {ProposalColumns} FROM model_proposal WHERE proposal_id = @p0", open.Id).Single();
        transaction.Commit();
        return refused;
    }

    /// <summary>The sign-off's own checks: who signs, and whether the proposal still stands and its flags are answered.</summary>
    private ModelProposal CheckSignOff(DbTransaction transaction, string name, string by, string note)
    {
        RequireAccount(transaction, name, by, UserRole.Governance.Code(), "a sign-off needs an enabled information governance (ig) reviewer's account");
        var open = OpenProposal(transaction, name)
            ?? throw new BadInputException(name, "the model has no proposal awaiting sign-off; an analyst must propose it first ('earlyhelp models propose')");
        // Two people: the one who proposes cannot also sign off, whatever roles their accounts hold later.
        if (string.Equals(open.ProposedBy, by, StringComparison.OrdinalIgnoreCase))
            throw new BadInputException(name, $"'{by}' proposed this model; someone else must sign it off");
        var champion = Read(transaction, $"SELECT {Columns} FROM model_registry WHERE status = 'champion'").SingleOrDefault()?.Name;
        if (champion != open.ChampionAtProposal)
            throw new BadInputException(name, $"the champion has changed since the proposal (then {open.ChampionAtProposal ?? "none"}, now {champion ?? "none"}); refuse it and propose again, so that the comparison is with the model in use");
        var missing = open.Evidence.FlagIds.Where(id => !note.Contains(id, StringComparison.OrdinalIgnoreCase)).ToArray();
        if (missing.Length > 0)
            throw new BadInputException(name, $"the sign-off note must quote each fairness flag's id and say what was concluded; not answered: {string.Join(", ", missing)}");
        return open;
    }

    private void Decide(DbTransaction transaction, ModelProposal proposal, string decision, string by, string note) =>
        connection.Execute(transaction,
            "UPDATE model_proposal SET decision = @p1, decided_by = @p2, decided_at = @p3, decision_note = @p4 WHERE proposal_id = @p0",
            proposal.Id, decision, by, HubQueries.FormatTime(clock.GetUtcNow()), note);

    private void RequireCandidate(DbTransaction transaction, string name)
    {
        var model = Read(transaction, $"SELECT {Columns} FROM model_registry WHERE name = @p0", name).SingleOrDefault()
            ?? throw new BadInputException(name, "no model of this name is registered");
        if (model.Status != ModelStatus.Candidate)
            throw new BadInputException(name, $"the model is {model.Status.Code()}, not a candidate; only a candidate can be promoted");
    }

    private void RequireAccount(DbTransaction transaction, string name, string by, string role, string need)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        using var command = connection.Command(transaction, "SELECT role, disabled FROM app_user WHERE LOWER(username) = LOWER(@p0)", by);
        using var reader = command.ExecuteReader();
        var found = !reader.Read() ? "not a hub account"
            : reader.GetInt64(1) != 0 ? "switched off"
            : reader.GetString(0) != role ? $"an account with the role {reader.GetString(0)}"
            : null;
        if (found is not null)
            throw new BadInputException(name, $"{need}; '{by}' is {found}");
    }

    private ModelProposal? OpenProposal(DbTransaction transaction, string name) =>
        ReadProposals(transaction, $"SELECT {ProposalColumns} FROM model_proposal WHERE model = @p0 AND decision IS NULL", name).SingleOrDefault();

    private List<ModelProposal> ReadProposals(DbTransaction? transaction, string sql, params object?[] parameters)
    {
        using var command = connection.Command(transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var proposals = new List<ModelProposal>();
        while (reader.Read())
        {
            string? Text(int column) => reader.IsDBNull(column) ? null : reader.GetString(column);
            var evidence = new ProposalEvidence(
                JsonSerializer.Deserialize<List<ProposalCheck>>(reader.GetString(5)) ?? [],
                JsonSerializer.Deserialize<List<string>>(reader.GetString(6)) ?? []);
            ProposalDecision? decision = Text(8) switch
            {
                null => null,
                "signed_off" => ProposalDecision.SignedOff,
                "refused" => ProposalDecision.Refused,
                var other => throw new InvalidDataException($"'{other}' is not a proposal decision."),
            };
            proposals.Add(new ModelProposal(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), HubQueries.ParseTime(reader.GetString(3)),
                reader.GetString(4), evidence, Text(7), decision, Text(9), Text(10) is { } at ? HubQueries.ParseTime(at) : null, Text(11)));
        }
        return proposals;
    }
}
