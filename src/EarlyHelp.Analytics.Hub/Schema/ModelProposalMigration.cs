namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 15: promotion takes two people. An analyst proposes a candidate with the promotion checks' results and
/// the fairness flags the sign-off must answer; an information governance reviewer then signs it off (which makes it
/// the champion) or refuses it. A model has at most one proposal awaiting a decision.
/// </summary>
internal static class ModelProposalMigration
{
    /// <summary>Applies the step.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE model_proposal (
                proposal_id {serial}, model TEXT NOT NULL REFERENCES model_registry (name),
                proposed_by TEXT NOT NULL, proposed_at TEXT NOT NULL, proposal_note TEXT NOT NULL,
                checks TEXT NOT NULL, flag_ids TEXT NOT NULL, champion_at_proposal TEXT,
                decision TEXT CHECK (decision IN ('signed_off', 'refused')),
                decided_by TEXT, decided_at TEXT, decision_note TEXT)
            """);
        // One open proposal per model: a second proposal would let two sign-offs answer different evidence.
        context.Execute("CREATE UNIQUE INDEX model_proposal_one_open ON model_proposal (model) WHERE decision IS NULL");
    }
}
