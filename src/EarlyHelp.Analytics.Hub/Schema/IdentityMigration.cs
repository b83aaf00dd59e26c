namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Schema step 7: the tables record linkage keeps. Agencies send their own references and identity fields;
/// the hub keeps each record as received with the person it was linked to, the council's address gazetteer,
/// every fitted linkage model, the clerical decisions that override the model, and how people were merged
/// and split from one load to the next.
/// </summary>
internal static class IdentityMigration
{
    /// <summary>Creates the identity tables.</summary>
    public static void Apply(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE gazetteer (
                uprn TEXT PRIMARY KEY, address TEXT NOT NULL, postcode TEXT NOT NULL,
                area_code TEXT NOT NULL, imd_decile INTEGER NOT NULL)
            """);
        // One row per agency record (an event) or per person-row of a register or relationship extract, exactly as
        // received, plus what linkage made of it: the hub person, the probability of the link that put it there,
        // and the gazetteer UPRN its address matched. Relationship rows carry the record they point at.
        // {load_order} keeps the order records arrived in, which linkage reads them in; on SQLite it adds nothing (rowid does it).
        context.Execute("""
            CREATE TABLE identity_record (
                dataset TEXT NOT NULL, record_ref TEXT NOT NULL, agency_ref TEXT,
                forename TEXT, surname TEXT, date_of_birth TEXT, sex TEXT, address TEXT, postcode TEXT,
                uprn TEXT, nhs_number TEXT, ethnicity TEXT, disability TEXT,
                kind TEXT NOT NULL, valid_from TEXT, valid_to TEXT,
                related_ref TEXT, relationship TEXT,
                matched_uprn TEXT, person_id {id} NOT NULL, match_probability {real},
                PRIMARY KEY (dataset, record_ref){load_order})
            """);
        context.Execute("CREATE INDEX identity_record_person ON identity_record (person_id)");
        // Every load's fitted model with the figures of the linkage it made (the newest is what 'hub stats' shows).
        context.Execute("""
            CREATE TABLE linkage_model (
                version {id} PRIMARY KEY, run_id {id} NOT NULL, created_at TEXT NOT NULL,
                records {id} NOT NULL, people {id} NOT NULL, compared_pairs {id} NOT NULL, linked_pairs {id} NOT NULL,
                expected_false_links {real} NOT NULL, expected_missed_links {real} NOT NULL, clerical_queue {id} NOT NULL,
                parameters TEXT NOT NULL)
            """);
        context.Execute("""
            CREATE TABLE clerical_decision (
                decision_id {id} PRIMARY KEY, dataset_left TEXT NOT NULL, record_left TEXT NOT NULL,
                dataset_right TEXT NOT NULL, record_right TEXT NOT NULL,
                decision TEXT NOT NULL CHECK (decision IN ('same', 'different', 'unsure')),
                reason TEXT NOT NULL, decided_by TEXT NOT NULL, decided_at TEXT NOT NULL)
            """);
        foreach (var guard in context.Dialect.AppendOnlyGuards("clerical_decision"))
            context.Execute(guard);
        // Pairs the last linkage put in the clerical review band, replaced at every load.
        context.Execute("""
            CREATE TABLE clerical_queue (
                dataset_left TEXT NOT NULL, record_left TEXT NOT NULL, dataset_right TEXT NOT NULL, record_right TEXT NOT NULL,
                match_weight {real} NOT NULL, match_probability {real} NOT NULL,
                PRIMARY KEY (dataset_left, record_left, dataset_right, record_right))
            """);
        context.Execute("""
            CREATE TABLE person_history (
                history_id {id} PRIMARY KEY, run_id {id} NOT NULL, change TEXT NOT NULL CHECK (change IN ('created', 'merged', 'split')),
                person_id {id} NOT NULL, other_person_id {id}, records {id} NOT NULL, at TEXT NOT NULL)
            """);
        foreach (var guard in context.Dialect.AppendOnlyGuards("person_history"))
            context.Execute(guard);
    }
}
