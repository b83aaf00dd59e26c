using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Tests.Features;

public sealed class FeaturesCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-cli-features-{Guid.NewGuid():N}");

    public FeaturesCommandTests()
    {
        Directory.CreateDirectory(folder);
        HubPath = Path.Combine(folder, "hub.db");
        WriteHub(HubPath);
    }

    private string HubPath { get; }

    private string CsvPath => Path.Combine(folder, "features.csv");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>
    /// Family 1: a parent and a child (born 2015-05) since 2015, an ASB incident on 2024-01-10 and the
    /// child's CIN plan from 2024-06-01. Family 2: two adults. Extract date 2025-06-30.
    /// </summary>
    private static void WriteHub(string path, string? auditKeyFile = null)
    {
        using var store = HubStore.Open(path, auditKeyFile: auditKeyFile);
        using var load = store.BeginLoad();
        load.AddHouseholds([new Household(new HouseholdId(1), "100", "E01000001", 3, "social_rent")]);
        load.AddPeople([Person(1, 1990), Person(2, 2015), Person(3, 1950), Person(4, 1952)]);
        load.AddFamilies([new FamilyId(1), new FamilyId(2)]);
        load.AddFamilyMemberships([Member(1, 1, FamilyRole.Parent), Member(1, 2, FamilyRole.Child), Member(2, 3, FamilyRole.Parent), Member(2, 4, FamilyRole.Parent)]);
        load.AddEvents("police.asb_incident", [new SourceEvent(new PersonId(1), new DateOnly(2024, 1, 10), null, null, "ASB-1")]);
        load.AddEvents("csc.cin_plan", [new SourceEvent(new PersonId(2), new DateOnly(2024, 6, 1), null, null, "CIN-1")]);
        var now = new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero);
        load.Commit(new IngestReport("test", new DateOnly(2025, 6, 30), "tests", "1", now, now, []), "tests");

        static Person Person(long id, int year) => new(new PersonId(id), new YearMonth(year, 5), null);
        static FamilyMembership Member(long family, long person, FamilyRole role) =>
            new(new FamilyId(family), new PersonId(person), role, new DateOnly(2015, 5, 1), null);
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = EarlyHelpCommand.Run(["features", .. args], output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void Features_OneDate_WritesOneRowAndReportsExclusions()
    {
        var (code, output, error) = Run("--hub", HubPath, "--as-of", "2024-03-15", "--out", CsvPath);

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        var lines = File.ReadAllLines(CsvPath);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("family_id,as_of,members,", lines[0]);
        Assert.EndsWith(",escalated", lines[0]);
        // The CIN plan of 2024-06-01 is in (2024-03-15, 2025-03-15], which ends before the extract date.
        Assert.StartsWith("1,2024-03-15,2,1,", lines[1]);
        Assert.EndsWith(",1", lines[1]);
        Assert.Contains("as_of       families  eligible  no_members  opted_out  no_dependent_child  already_statutory  labelled  escalated", output);
        Assert.Contains("2024-03-15         2         1           0          0                   1                  0         1          1", output);
    }

    [Fact]
    public void Features_AsAnAnalyst_AuditedAgainstTheAccountBeforeTheFileIsWritten()
    {
        using (var store = HubStore.Open(HubPath))
            store.Users.Add(new NewUser("an.analyst", "Analyst", UserRole.Analyst), Passwords.Generate(), "setup");

        var (code, _, error) = Run("--hub", HubPath, "--as-of", "2024-03-15", "--snapshots", "2", "--out", CsvPath, "--as", "an.analyst");

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        using var after = HubStore.Open(HubPath);
        var entry = after.AuditLog.Entries().Last();
        // Family 1 is the only eligible family (family 2 has no child), at 2023-12-15 and at 2024-03-15: two rows, one family.
        Assert.Equal(("an.analyst", "features.export", "feature table", $"as of 2023-12-15 to 2024-03-15 (2 dates): 2 rows for 1 family, written to {CsvPath}"),
            (entry.Actor, entry.Action, entry.Subject, entry.Detail));
        Assert.Equal(3, File.ReadAllLines(CsvPath).Length);
    }

    [Fact]
    public void Features_NoAccountNamedOnAHubWithAccounts_ExitsTwoWritingNothing()
    {
        long before;
        using (var store = HubStore.Open(HubPath))
        {
            store.Users.Add(new NewUser("an.analyst", "Analyst", UserRole.Analyst), Passwords.Generate(), "setup");
            before = store.AuditLog.Entries().Last().Id;
        }

        var (code, _, error) = Run("--hub", HubPath, "--as-of", "2024-03-15", "--out", CsvPath);

        Assert.Equal((ExitCodes.BadUsage, "earlyhelp: 'features' is recorded against a named hub account with the role analyst: give it with --as ACCOUNT or EARLYHELP_ACCOUNT."),
            (code, error.TrimEnd()));
        Assert.False(File.Exists(CsvPath));
        using var after = HubStore.Open(HubPath);
        Assert.Equal(before, after.AuditLog.Entries().Last().Id);
    }

    [Fact]
    public void Features_AuditKeyKeptElsewhere_ReadsTheHubWithTheKeyNamed()
    {
        var hub = Path.Combine(folder, "keyed.db");
        var key = Path.Combine(folder, "elsewhere.auditkey");
        WriteHub(hub, key);

        var (code, _, error) = Run("--hub", hub, "--audit-key", key, "--as-of", "2024-03-15", "--out", CsvPath);

        Assert.Equal((ExitCodes.Success, ""), (code, error));
        Assert.Equal(2, File.ReadAllLines(CsvPath).Length);
        Assert.False(File.Exists(hub + ".auditkey"));
    }

    [Fact]
    public void Features_FourQuarterlySnapshots_StacksRowsOldestFirst()
    {
        var (code, _, _) = Run("--hub", HubPath, "--as-of", "2024-09-15", "--snapshots", "4", "--every-months", "3", "--out", CsvPath);

        Assert.Equal(ExitCodes.Success, code);
        // 2023-12-15, 2024-03-15: eligible; 2024-06-15, 2024-09-15: the child's plan is open, so excluded.
        var rows = File.ReadAllLines(CsvPath).Skip(1).Select(l => string.Join(',', l.Split(',').Take(2))).ToArray();
        Assert.Equal(["1,2023-12-15", "1,2024-03-15"], rows);
    }

    [Fact]
    public void Features_MissingHubFile_BadInputAndNoFileCreated()
    {
        var missing = Path.Combine(folder, "missing.db");

        var (code, _, error) = Run("--hub", missing, "--as-of", "2024-03-15", "--out", CsvPath);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"earlyhelp: {missing}: there is no hub here; load extracts into it with 'earlyhelp ingest' first", error.Trim());
        Assert.False(File.Exists(missing));
    }

    [Theory]
    [InlineData("--as-of", "15/03/2024", "earlyhelp: The '--as-of' option must be a date written YYYY-MM-DD. Got '15/03/2024' instead.")]
    [InlineData("--snapshots", "0", "earlyhelp: The '--snapshots' option must be at least 1. Got 0 instead.")]
    [InlineData("--every-months", "0", "earlyhelp: The '--every-months' option must be at least 1. Got 0 instead.")]
    [InlineData("--horizon-months", "61", "earlyhelp: The '--horizon-months' option must be between 1 and 60. Got 61 instead.")]
    [InlineData("--cap-look-back-from", "2023-3-31", "earlyhelp: The '--cap-look-back-from' option must be a date written YYYY-MM-DD. Got '2023-3-31' instead.")]
    public void Features_BadOption_UsageErrorNamingIt(string option, string value, string expected)
    {
        string[] args = option == "--as-of"
            ? ["--hub", HubPath, "--as-of", value, "--out", CsvPath]
            : ["--hub", HubPath, "--as-of", "2024-03-15", "--out", CsvPath, option, value];

        var (code, _, error) = Run(args);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal(expected, error.Split(Environment.NewLine)[0]);
        Assert.False(File.Exists(CsvPath));
    }

    [Fact]
    public void Features_AsOfAfterTheExtract_UsageError()
    {
        var (code, _, error) = Run("--hub", HubPath, "--as-of", "2025-07-02", "--out", CsvPath);

        Assert.Equal(ExitCodes.BadUsage, code);
        Assert.Equal("earlyhelp: The '--as-of' option (with its snapshots) must hold dates no later than the day after the hub's extract date (2025-06-30). Got 2025-07-02 instead.",
            error.Trim());
    }
}
