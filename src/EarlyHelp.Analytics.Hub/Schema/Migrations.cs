using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Schema;

/// <summary>
/// Every schema step, oldest first. A step, once released, never changes: a new need is a new step at
/// the end, so that any older hub can be brought forward. Dates are ISO <c>YYYY-MM-DD</c> text, months
/// <c>YYYY-MM</c>, ids integers.
/// </summary>
public static class Migrations
{
    /// <summary>The steps in order; the last one's version is <see cref="LatestVersion"/>.</summary>
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "canonical model: households, people, residence, families, events, opt-out", CreateCanonicalModel),
        new(2, "dataset catalogue", FillDatasetCatalogue),
        new(3, "ingest runs and the files each loaded", CreateIngestLog),
        new(4, "append-only audit log", CreateAuditLog),
        new(5, "scoring runs, prompts, append-only reviews and panel users", CreatePanelTables),
        new(6, "model registry: candidates, the champion and retired models", CreateModelRegistry),
        new(7, "identity resolution: gazetteer, identity records, linkage models, clerical decisions, person history", IdentityMigration.Apply),
        new(8, "keyed audit trail: the unkeyed chain checked and recorded, reviews chained", AuditChainMigration.Apply),
        new(9, "sign-in: server-side sessions, failed sign-ins per client and name, second-factor secrets", SignInMigration.Apply),
        new(10, "trial scoring runs: a run of a model that is not the champion is marked", TrialRunMigration.Apply),
        new(11, "records change and leave: full-refresh datasets, record versions and changes, deletions in the ingest log", RecordVersionMigration.Apply),
        new(12, "the opt-out register says who recorded each entry", OptOutRecordedByMigration.Apply),
        new(13, "data-quality queries raised by reviews, with each step of their life", DataQualityMigration.Apply),
        new(14, "promotion takes two people (an analyst's proposal, then an IG sign-off or refusal); what happened after the panel offered early help", PanelGovernanceMigration.Apply),
        new(15, "the retention periods the hub keeps for registers, prompts and the audit log", RetentionSettingMigration.Apply),
        new(16, "what the panel sees of a family beyond the evidence: members' roles and ages, agency records and the workers the sources name", PromptContextMigration.Apply),
        new(17, "data-quality query numbers are never given twice, even after retention removed the highest", QueryNumberMigration.Apply),
        new(18, "each account's last sign-in, and a password its holder must replace when an administrator set it", SignInRecordMigration.Apply),
        new(19, "a scoring run's comparison set: the families ranked just below its cut-off, by id and rank only", ComparisonSetMigration.Apply),
        new(20, "who each prompt and comparison family is about: its family's members on the run's as-of date, by person id and role", PromptMemberMigration.Apply),
    ];

    /// <summary>The schema version this program writes and reads.</summary>
    public static int LatestVersion => All[^1].Version;

    private static void CreateCanonicalModel(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE dataset (
                code TEXT PRIMARY KEY, name TEXT NOT NULL, agency TEXT NOT NULL, category TEXT NOT NULL,
                kind TEXT NOT NULL, retention_months INTEGER NOT NULL, file_name TEXT NOT NULL, value_meaning TEXT)
            """);
        context.Execute("""
            CREATE TABLE household (
                household_id {id} PRIMARY KEY, uprn TEXT NOT NULL, area_code TEXT NOT NULL,
                imd_decile INTEGER NOT NULL, tenure TEXT NOT NULL)
            """);
        context.Execute("CREATE TABLE person (person_id {id} PRIMARY KEY, birth_month TEXT NOT NULL, death_month TEXT)");
        context.Execute("""
            CREATE TABLE person_protected (
                person_id {id} PRIMARY KEY REFERENCES person (person_id),
                sex TEXT NOT NULL, ethnicity TEXT NOT NULL, disability TEXT NOT NULL)
            """);
        context.Execute("""
            CREATE TABLE person_identity (
                person_id {id} PRIMARY KEY REFERENCES person (person_id),
                forename TEXT, surname TEXT, date_of_birth TEXT, postcode TEXT)
            """);
        context.Execute("""
            CREATE TABLE residence (
                person_id {id} NOT NULL REFERENCES person (person_id),
                household_id {id} NOT NULL REFERENCES household (household_id),
                start_date TEXT NOT NULL, end_date TEXT,
                PRIMARY KEY (person_id, household_id, start_date))
            """);
        context.Execute("CREATE INDEX residence_household ON residence (household_id)");
        context.Execute("CREATE TABLE family (family_id {id} PRIMARY KEY)");
        context.Execute("""
            CREATE TABLE family_member (
                family_id {id} NOT NULL REFERENCES family (family_id),
                person_id {id} NOT NULL REFERENCES person (person_id),
                role TEXT NOT NULL, start_date TEXT NOT NULL, end_date TEXT,
                PRIMARY KEY (family_id, person_id, role, start_date))
            """);
        context.Execute("CREATE INDEX family_member_person ON family_member (person_id)");
        // Only the idempotency key is indexed: every reader streams the whole table, and an index on
        // person_id would cost about as much at load as the inserts themselves (see docs/hub.md, "Schema").
        context.Execute("""
            CREATE TABLE event (
                event_id {serial}, person_id {id} NOT NULL, dataset TEXT NOT NULL REFERENCES dataset (code),
                start_date TEXT NOT NULL, end_date TEXT, value {real}, source_ref TEXT NOT NULL,
                UNIQUE (dataset, source_ref))
            """);
        context.Execute("CREATE TABLE opt_out (person_id {id} PRIMARY KEY, recorded_at TEXT NOT NULL, reason TEXT NOT NULL)");
    }

    private static void FillDatasetCatalogue(MigrationContext context) => DatasetRows.AddMissing(context.Connection, context.Transaction);

    private static void CreateIngestLog(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE ingest_run (
                run_id {id} PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT NOT NULL, folder TEXT NOT NULL,
                extract_date TEXT NOT NULL, producer TEXT NOT NULL, producer_version TEXT NOT NULL,
                rows_added {id} NOT NULL, rows_updated {id} NOT NULL, rows_already_present {id} NOT NULL,
                rows_dropped_by_retention {id} NOT NULL)
            """);
        context.Execute("""
            CREATE TABLE ingest_file (
                run_id {id} NOT NULL REFERENCES ingest_run (run_id), position INTEGER NOT NULL, path TEXT NOT NULL, dataset TEXT,
                hub_table TEXT NOT NULL, sha256 TEXT NOT NULL, rows {id} NOT NULL,
                rows_added {id} NOT NULL, rows_updated {id} NOT NULL, rows_already_present {id} NOT NULL,
                rows_dropped_by_retention {id} NOT NULL,
                PRIMARY KEY (run_id, path))
            """);
    }

    private static void CreateAuditLog(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE audit_log (
                id {id} PRIMARY KEY, at TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
                subject TEXT NOT NULL, detail TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)
            """);
        foreach (var guard in context.Dialect.AppendOnlyGuards("audit_log"))
            context.Execute(guard);
    }

    private static void CreatePanelTables(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE scoring_run (
                run_id {id} PRIMARY KEY, model_name TEXT NOT NULL, model_version TEXT NOT NULL, model_sha256 TEXT NOT NULL,
                as_of TEXT NOT NULL, capacity INTEGER NOT NULL, created_at TEXT NOT NULL, created_by TEXT NOT NULL,
                families_scored {id} NOT NULL, excluded_statutory {id} NOT NULL, excluded_opted_out {id} NOT NULL,
                excluded_no_dependent_child {id} NOT NULL)
            """);
        // family_id is kept for re-identification and the opt-out register only; nothing shown reads it.
        context.Execute("""
            CREATE TABLE prompt (
                reference TEXT NOT NULL UNIQUE, run_id {id} NOT NULL REFERENCES scoring_run (run_id),
                family_id {id} NOT NULL, rank INTEGER NOT NULL, probability {real} NOT NULL, band TEXT NOT NULL,
                content TEXT NOT NULL, hidden_at TEXT, hidden_reason TEXT,
                PRIMARY KEY (run_id, rank))
            """);
        context.Execute("CREATE INDEX prompt_family ON prompt (family_id)");
        // A record is superseded at most once (UNIQUE), so a prompt's reviews form one chain and its latest is its highest id.
        context.Execute("""
            CREATE TABLE review (
                review_id {id} PRIMARY KEY, reference TEXT NOT NULL REFERENCES prompt (reference), outcome TEXT NOT NULL,
                reason TEXT NOT NULL, reviewer TEXT NOT NULL, at TEXT NOT NULL,
                supersedes {id} UNIQUE REFERENCES review (review_id))
            """);
        context.Execute("CREATE INDEX review_reference ON review (reference, review_id)");
        foreach (var guard in context.Dialect.AppendOnlyGuards("review"))
            context.Execute(guard);
        context.Execute("""
            CREATE TABLE app_user (
                username TEXT PRIMARY KEY, display_name TEXT NOT NULL, role TEXT NOT NULL, password_hash TEXT NOT NULL,
                failed_attempts INTEGER NOT NULL, locked_until TEXT, disabled INTEGER NOT NULL,
                security_stamp TEXT NOT NULL, created_at TEXT NOT NULL)
            """);
    }

    private static void CreateModelRegistry(MigrationContext context)
    {
        context.Execute("""
            CREATE TABLE model_registry (
                name TEXT PRIMARY KEY, folder TEXT NOT NULL, model_sha256 TEXT NOT NULL,
                as_of TEXT NOT NULL, test_as_of TEXT NOT NULL, metrics TEXT NOT NULL,
                created_at TEXT NOT NULL, created_by TEXT NOT NULL,
                status TEXT NOT NULL CHECK (status IN ('candidate', 'champion', 'retired')),
                promoted_by TEXT, promoted_at TEXT, promotion_note TEXT, retired_at TEXT)
            """);
        // At most one champion: the panel's scoring runs must never have two models to choose from.
        context.Execute("CREATE UNIQUE INDEX model_registry_one_champion ON model_registry (status) WHERE status = 'champion'");
    }
}
