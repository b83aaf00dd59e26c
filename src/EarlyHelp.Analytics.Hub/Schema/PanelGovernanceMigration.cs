namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 14, the panel's and IG's needs. Promotion takes two people. An analyst proposes a candidate with the promotion checks' results and
/// the fairness flags the sign-off must answer; an information governance reviewer then signs it off (which makes it
/// the champion) or refuses it. A model has at most one proposal awaiting a decision. And what happened next: after the
/// panel offers early help, the dated steps (contacted, consent, engaged, closed, stepped up), append-only like reviews.
/// </summary>
internal static class PanelGovernanceMigration
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
        context.Execute("""
            CREATE TABLE prompt_next_step (
                step_id {serial}, reference TEXT NOT NULL REFERENCES prompt (reference),
                step TEXT NOT NULL CHECK (step IN ('contacted', 'consent_given', 'consent_declined', 'engaged', 'closed', 'stepped_up')),
                step_date TEXT NOT NULL, note TEXT NOT NULL, recorded_by TEXT NOT NULL, recorded_at TEXT NOT NULL)
            """);
        context.Execute("CREATE INDEX prompt_next_step_reference ON prompt_next_step (reference, step_id)");
        foreach (var guard in context.Dialect.AppendOnlyGuards("prompt_next_step"))
            context.Execute(guard);
    }
}
