using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Tests.Fixtures;
using EarlyHelp.Analytics.Hub.Tests.Prompts;

namespace EarlyHelp.Analytics.Hub.Tests.Audit;

/// <summary>
/// Each way of rolling the trail back, carried out with raw SQL on a real hub file by someone without the audit
/// key, is found: by the keyed chain alone where it can be, and by a checkpoint written outside the hub where only
/// something outside the hub can tell.
/// </summary>
public sealed class AuditAttackTests : PromptHubTests<SqliteHubFixture>
{
    private string CheckpointFile => Path.Combine(Hub.Scratch, "elsewhere", "audit.checkpoints");

    /// <summary>A hub with a run, two reviews and seven entries, and a checkpoint of it written outside the hub.</summary>
    private void TrailWithCheckpoint()
    {
        using var store = OpenWithRun(out var run);
        var reference = store.Prompts.Queue(run.Id, new QueueFilter())[0].Reference;
        var first = Assert.IsType<ReviewRecording.Recorded>(store.Prompts.Review(
            new ReviewSubmission(reference, ReviewOutcome.OfferEarlyHelp, "Several call-outs; no service involved", "a.practitioner", null))).Review;
        store.Prompts.Review(new ReviewSubmission(reference, ReviewOutcome.AlreadySupported, "The IDVA service holds the case", "another.practitioner", first.Id));
        foreach (var position in new[] { "1", "2", "3" })
            store.AuditLog.Append("a.practitioner", "prompt.view", reference.Value, "queue position " + position);
        AuditCheckpoint.Append(CheckpointFile, store.AuditLog.Checkpoint(previous: null));
    }

    private AuditVerification VerifyAgainstCheckpoints()
    {
        using var store = Hub.Open();
        return store.AuditLog.Verify(AuditCheckpoint.Read(CheckpointFile));
    }

    private long EntryCount() => Convert.ToInt64(Hub.Query("SELECT COUNT(*) FROM audit_log"));

    [Fact]
    public void Verify_UntouchedTrail_IsIntactAgainstItsCheckpoint()
    {
        TrailWithCheckpoint();

        var result = VerifyAgainstCheckpoints();

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal(EntryCount(), result.Entries);
        Assert.Equal(2, result.Reviews);
        Assert.Equal(1, result.Checkpoints);
    }

    [Fact]
    public void Verify_TailCutOff_TheChainStillLinksButTheCheckpointFindsIt()
    {
        TrailWithCheckpoint();
        var before = EntryCount();

        AuditTampering.Truncate(Hub, before - 2);

        using (var store = Hub.Open())
            Assert.True(store.AuditLog.Verify().IsIntact, "What is left of a cut-back chain still links; only the checkpoint can tell.");
        var result = VerifyAgainstCheckpoints();
        Assert.False(result.IsIntact);
        Assert.Matches($"^checkpoint 1 \\(.+\\) saw {before} entries but the log holds {before - 2}: entries were removed from its end$", result.Problem);
    }

    [Fact]
    public void Verify_EveryEntryDeleted_TheCheckpointFindsIt()
    {
        TrailWithCheckpoint();
        var before = EntryCount();

        AuditTampering.Truncate(Hub, 0);
        // The review entries went too, so the reviews have to go as well for the hub to look consistent.
        AuditTampering.DropGuards(Hub, "review");
        Hub.Execute("DELETE FROM review");

        using (var store = Hub.Open())
            Assert.True(store.AuditLog.Verify().IsIntact, "An empty log is a valid chain; only the checkpoint can tell.");
        var result = VerifyAgainstCheckpoints();
        Assert.Matches($"^checkpoint 1 \\(.+\\) saw {before} entries but the log holds 0: entries were removed from its end$", result.Problem);
    }

    [Fact]
    public void Verify_OneEntryDeletedAndTheRestRehashed_TheKeyedChainFindsItWithoutACheckpoint()
    {
        TrailWithCheckpoint();
        var before = EntryCount();

        // The amendment's entry goes; the three views after it are renumbered and re-hashed without the key.
        AuditTampering.DeleteAndRehash(Hub, before - 3);

        using var store = Hub.Open();
        var withoutCheckpoint = store.AuditLog.Verify();
        Assert.Equal(before - 3, withoutCheckpoint.FirstBrokenId);
        Assert.Equal("its hash does not match its contents", withoutCheckpoint.Problem);
        Assert.Equal(before - 4, withoutCheckpoint.Entries);
        Assert.Equal(before - 3, VerifyAgainstCheckpoints().FirstBrokenId);
    }

    [Fact]
    public void Verify_LogRewrittenAsUnkeyedWithItsRecordChanged_TheUnsignedRecordFindsItWithoutACheckpoint()
    {
        TrailWithCheckpoint();
        var before = EntryCount();

        // An entry goes, another's actor changes, and the whole log is re-hashed with SHA-256 and recorded as written before keying.
        AuditTampering.RewriteAsUnkeyed(Hub, deleteId: 2, editId: 3, actor: "someone.else");
        File.Delete(CheckpointFile);

        using var store = Hub.Open();
        var result = store.AuditLog.Verify();
        Assert.False(result.IsIntact);
        Assert.Equal(
            $"the hub records {before - 1} entries and 0 reviews as written before the trail was keyed, but no audit.chain_start entry signs that record: it was changed, or nothing keyed has been written since keying",
            result.Problem);
        // Opening it wrote that nothing keyed bears the record out, so later entries will not get it signed either.
        Assert.Equal(("audit.chain_start_unproven", before), (store.AuditLog.Entries()[^1].Action, EntryCount()));
    }

    [Fact]
    public void Verify_ReviewsRewrittenAsUnkeyed_TheUnsignedRecordFindsItWithoutACheckpoint()
    {
        TrailWithCheckpoint();

        AuditTampering.RewriteReviewsAsUnkeyed(Hub);
        File.Delete(CheckpointFile);

        using var store = Hub.Open();
        Assert.Equal(
            "the hub records 0 entries and 2 reviews as written before the trail was keyed, but no audit.chain_start entry signs that record: it was changed, or nothing keyed has been written since keying",
            store.AuditLog.Verify().Problem);
    }

    [Fact]
    public void Verify_ReviewEdited_NamesTheReview()
    {
        TrailWithCheckpoint();

        AuditTampering.DropGuards(Hub, "review");
        Hub.Execute("UPDATE review SET outcome = 'no_action_needed', reason = 'Nothing to do' WHERE review_id = 1");

        var result = VerifyAgainstCheckpoints();
        Assert.Null(result.FirstBrokenId);
        Assert.Equal("review 1: its MAC does not match its contents", result.Problem);
    }

    [Fact]
    public void Verify_LastReviewDeleted_FoundByItsEntryAndByTheCheckpoint()
    {
        TrailWithCheckpoint();

        AuditTampering.DropGuards(Hub, "review");
        Hub.Execute("DELETE FROM review WHERE review_id = 2");

        using (var store = Hub.Open())
            Assert.Equal("the log records 2 reviews added or amended but the hub holds 1 review records", store.AuditLog.Verify().Problem);
        // With the amendment's entry cut off too (the tail after it goes with it), the checkpoint still remembers both.
        AuditTampering.Truncate(Hub, EntryCount() - 4);
        Assert.Matches("^checkpoint 1 \\(.+\\) saw \\d+ entries but the log holds", VerifyAgainstCheckpoints().Problem);
    }

    [Fact]
    public void Verify_CheckpointEdited_IsNotSignedByTheKey()
    {
        TrailWithCheckpoint();
        var line = File.ReadAllText(CheckpointFile);
        var edited = line.Replace($"\"entries\":{EntryCount()}", $"\"entries\":{EntryCount() - 1}", StringComparison.Ordinal);
        Assert.NotEqual(line, edited);
        File.WriteAllText(CheckpointFile, edited);

        Assert.Matches("^checkpoint 1 \\(.+\\) is not signed by this audit key", VerifyAgainstCheckpoints().Problem);
    }

    [Fact]
    public void Verify_CheckpointRemovedFromTheMiddleOfItsFile_IsFound()
    {
        TrailWithCheckpoint();
        using (var store = Hub.Open())
        {
            for (var i = 0; i < 2; i++)
            {
                store.AuditLog.Append("ig.reviewer", "audit_log.verify", "audit log", "checked");
                AuditCheckpoint.Append(CheckpointFile, store.AuditLog.Checkpoint(AuditCheckpoint.Read(CheckpointFile)[^1]));
            }
        }
        var lines = File.ReadAllLines(CheckpointFile);
        File.WriteAllLines(CheckpointFile, [lines[0], lines[2]]);

        Assert.Matches("^checkpoint 2 \\(.+\\) does not follow the checkpoint before it", VerifyAgainstCheckpoints().Problem);
    }

    [Fact]
    public void Verify_AnotherKey_FindsNoEntryItsOwn()
    {
        TrailWithCheckpoint();
        var otherKey = Path.Combine(Hub.Scratch, "other.auditkey");
        AuditKey.Create(otherKey);

        using var store = HubStore.Open(Hub.HubPath, auditKeyFile: otherKey);
        var result = store.AuditLog.Verify(AuditCheckpoint.Read(CheckpointFile));

        Assert.Equal(1, result.FirstBrokenId);
        Assert.Equal("its hash does not match its contents", result.Problem);
    }

    [Fact]
    public void Open_KeyedTrailWithoutItsKeyFile_IsRefused()
    {
        TrailWithCheckpoint();
        var keyFile = Hub.HubPath + AuditKey.DefaultSuffix;
        File.Move(keyFile, keyFile + ".moved");

        var error = Assert.Throws<Core.BadInputException>(() => Hub.Open());

        Assert.Equal($"{keyFile}: the audit key file is missing, but the hub's audit trail is keyed; restore it, or name it with --audit-key or EARLYHELP_AUDIT_KEY_FILE", error.Message);
        Assert.False(File.Exists(keyFile));
    }
}
