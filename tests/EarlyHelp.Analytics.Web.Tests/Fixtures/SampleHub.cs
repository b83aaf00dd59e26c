using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A temporary hub holding <see cref="SampleRun"/> (12 families, a run of 10 prompts with families 11 and 12 as its comparison set) and one user per role, all
/// with <see cref="Password"/>: panel.member and second.panel (panel), an.analyst, ig.reviewer, an.administrator,
/// data.matcher; a candidate model proposed by an.analyst (<see cref="ModelName"/>); and the identity records, linkage model and clerical queue of <see cref="ClericalSample"/>.
/// </summary>
public sealed class SampleHub : IDisposable
{
    /// <summary>The password of every user.</summary>
    public const string Password = "a long test passphrase";

    /// <summary>The users' names by role code.</summary>
    public static readonly IReadOnlyDictionary<string, string> UserByRole = new Dictionary<string, string>
    {
        ["panel"] = "panel.member", ["analyst"] = "an.analyst", ["ig"] = "ig.reviewer", ["admin"] = "an.administrator",
        ["matching"] = "data.matcher",
    };

    /// <summary>The registered candidate, proposed by an.analyst and awaiting an IG decision.</summary>
    public const string ModelName = "sample-model";

    /// <summary>The fairness flag its sign-off must answer.</summary>
    public const string ModelFlag = "ethnicity/black/fnr";

    /// <summary>
    /// The seeded hub is built once per test run and copied for each test site: hashing six passwords with
    /// PBKDF2 for every site would cost more than the tests themselves.
    /// </summary>
    private static readonly Lazy<(string Path, ScoringRun Run, PromptReference[] References)> Template = new(BuildTemplate);

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-web-tests-{Guid.NewGuid():N}");

    public SampleHub()
    {
        Directory.CreateDirectory(folder);
        HubPath = Path.Combine(folder, "hub.db");
        var template = Template.Value;
        File.Copy(template.Path, HubPath);
        // The template's trail is keyed: its key goes with it.
        File.Copy(template.Path + AuditKey.DefaultSuffix, HubPath + AuditKey.DefaultSuffix);
        (Run, References) = (template.Run, template.References);
    }

    /// <summary>The hub file.</summary>
    public string HubPath { get; }

    /// <summary>A scratch folder beside the hub, deleted with it.</summary>
    public string Folder => folder;

    /// <summary>The run saved.</summary>
    public ScoringRun Run { get; }

    /// <summary>The run's prompt references, by rank.</summary>
    public IReadOnlyList<PromptReference> References { get; }

    /// <summary>A new store on the hub, for looking under the app.</summary>
    public IHubStore Open() => HubStore.Open(HubPath);

    /// <summary>Runs SQL on the hub directly, under the stores.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = HubPath, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static (string, ScoringRun, PromptReference[]) BuildTemplate()
    {
        var path = Path.Combine(Path.GetTempPath(), $"earlyhelp-web-tests-template-{Guid.NewGuid():N}.db");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            File.Delete(path);
            File.Delete(path + AuditKey.DefaultSuffix);
        };
        using var store = HubStore.Open(path);
        SampleRun.LoadFamilies(store, families: 12);
        // Families 11 and 12 are the run's comparison set, ranks 11 and 12: the only families left below the cut-off.
        var run = store.Prompts.SaveRun(SampleRun.Submission(prompts: 10, capacity: 10), [new FamilyId(11), new FamilyId(12)]);
        var references = store.Prompts.Queue(run.Id, new()).Select(entry => entry.Reference).ToArray();
        foreach (var (role, username) in UserByRole.Append(KeyValuePair.Create("panel", "second.panel")))
        {
            UserRoles.TryParse(role, out var parsed);
            store.Users.Add(new NewUser(username, $"Test {username}", parsed), Password, "tester");
        }
        // A candidate an analyst has proposed, awaiting the IG reviewer: its folder is not on this machine.
        using (var pending = store.Models.Begin(new ModelRegistration(ModelName, Path.Combine(Path.GetTempPath(), $"earlyhelp-absent-{Guid.NewGuid():N}"),
            new string('a', 64), new DateOnly(2025, 1, 1), new DateOnly(2023, 12, 31), new Dictionary<string, double> { ["auc"] = 0.812 }), "an.analyst"))
            pending.Commit();
        store.Models.Propose(ModelName, "an.analyst", "Beats both baselines on the test families.",
            new ProposalEvidence([new ProposalCheck("calibrated", true, "calibration gate: pass")], [ModelFlag]));
        ClericalSample.WriteTo(path);
        return (path, run, references);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A connection closing late; the temporary folder is cleaned by the system.
        }
    }
}
