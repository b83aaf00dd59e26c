using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.Ingest;
using EarlyHelp.Analytics.Hub.Sqlite;

namespace EarlyHelp.Analytics.Cli.Tests.People;

public sealed class PersonCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("earlyhelp-cli-person-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Find_NameAndDateOfBirth_ListsThePersonAndAuditsThePurpose()
    {
        var hub = Loaded();

        var (exit, output, error) = CommandRunner.Run("person", "find", "--hub", hub, "--forename", "Alex", "--surname", "Smith", "--dob", "1985-04-01",
            "--purpose", "subject access request 2026-114");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        // A model estimated from four records ranks poorly (the ranking is tested on a larger hub in Hub.Tests); the
        // table must list Alex with his resolved identity, and the audit entry the people shown.
        var alex = Assert.Single(CommandRunner.Lines(output), line => line.Contains(" Alex ", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(("Smith", "1985-04-01", "BS1", "6QE"), (alex[^5], alex[^4], alex[^3], alex[^2]));
        using var store = SqliteHubStore.Open(hub);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal("person.find", entry.Action);
        Assert.StartsWith($"purpose: subject access request 2026-114; ", entry.Detail, StringComparison.Ordinal);
        Assert.Contains($"person {alex[1]}", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void OptOutAdd_BySearchWithOneClearCandidate_PutsThemOnTheRegister()
    {
        var hub = Loaded();
        // Pat Lee is the only Lee in the hub and no one else shares her date of birth: one candidate.
        var (exit, output, error) = CommandRunner.Run("opt-out", "add", "--hub", hub, "--forename", "Pat", "--surname", "Lee", "--dob", "1992-09-12",
            "--reason", "objected to profiling (UK GDPR article 21)");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        using var store = SqliteHubStore.Open(hub);
        var pat = store.ReadRecordPeople().Single(r => r.RecordRef == "ASB-1").PersonId;
        Assert.Equal(pat, Assert.Single(store.OptOuts.List()).Person.Value);
        Assert.StartsWith($"Person {pat} is on the opt-out register", output, StringComparison.Ordinal);
        Assert.Equal("purpose: opt-out: objected to profiling (UK GDPR article 21); 1 candidates shown: person " + pat,
            store.AuditLog.Entries().Single(e => e.Action == "person.find").Detail);
    }

    [Fact]
    public void OptOutAdd_PersonAndSearchBoth_IsBadUsage()
    {
        var hub = Loaded();

        var (exit, _, error) = CommandRunner.Run("opt-out", "add", "--hub", hub, "--person", "1", "--forename", "Pat", "--surname", "Lee", "--dob", "1992-09-12", "--reason", "x");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("Give either '--person' or '--forename', '--surname' and '--dob', not both and not neither.", error, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectAccess_KnownPerson_WritesBothFilesAndAuditsTheExport()
    {
        var hub = Loaded();
        long pat;
        using (var store = SqliteHubStore.Open(hub))
            pat = store.ReadRecordPeople().Single(r => r.RecordRef == "ASB-1").PersonId;
        var folder = Path.Combine(scratch, "sar");

        var (exit, output, error) = CommandRunner.Run("subject-access", "--hub", hub, "--person", pat.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", folder);

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Contains("1 records, 1 events, 0 prompts", output, StringComparison.Ordinal);
        Assert.Contains("<td>Pat</td><td>Lee</td>", File.ReadAllText(Path.Combine(folder, "subject-access.html")), StringComparison.Ordinal);
        Assert.Contains("\"record_ref\": \"ASB-1\"", File.ReadAllText(Path.Combine(folder, "subject-access.json")), StringComparison.Ordinal);
        using var reopened = SqliteHubStore.Open(hub);
        Assert.Equal(("subject_access.export", $"person {pat}"), (reopened.AuditLog.Entries()[^1].Action, reopened.AuditLog.Entries()[^1].Subject));
    }

    private string Loaded()
    {
        var hub = Path.Combine(scratch, "hub.db");
        Assert.Equal(ExitCodes.Success, CommandRunner.Run("ingest", "--hub", hub, TinyExtract.Write(scratch)).Exit);
        return hub;
    }
}
