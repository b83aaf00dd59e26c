using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.Tests.Postgres;

/// <summary>
/// The whole pipeline (ingest with linkage, training, scoring) through the command line on one synthetic city, into
/// a SQLite hub and into a PostgreSQL hub: both must hold the same rows, train the same trees and store the same prompts.
/// </summary>
public sealed class PostgresPipelineTests : IDisposable
{
    private readonly string scratch = Path.Combine(Path.GetTempPath(), $"earlyhelp-pg-pipeline-{Guid.NewGuid():N}");
    private readonly PostgresSchema schema = new();

    [PostgresFact]
    public void Pipeline_SameCity_SameRowsModelAndPromptsOnSqliteAndPostgreSql()
    {
        Directory.CreateDirectory(scratch);
        var city = Path.Combine(scratch, "city");
        Assert.Equal(ExitCodes.Success, CommandRunner.Run("generate", "--people", "2000", "--seed", "3", "--out", city, "--threads", "2").Exit);
        var server = schema.Create();

        var sqlite = RunPipeline(Path.Combine(scratch, "hub.db"), city, "sqlite");
        var postgres = RunPipeline(server, city, "postgres");

        // Everything but the first line, which names the hub, and the minute each hub was linked in.
        Assert.Equal(WithoutLinkTime(sqlite.Stats).Split('\n')[1..], WithoutLinkTime(postgres.Stats).Split('\n')[1..]);
        // The readable export of whichever model the run recommended and saved: the trees, or the logistic regression.
        var export = File.Exists(Path.Combine(sqlite.Model, "trees.json")) ? "trees.json" : "linear.json";
        Assert.Equal(File.ReadAllText(Path.Combine(sqlite.Model, export)), File.ReadAllText(Path.Combine(postgres.Model, export)));
        Assert.Equal(sqlite.Prompts, postgres.Prompts);
        Assert.Equal(5, postgres.Prompts.Count);
    }

    public void Dispose()
    {
        schema.Dispose();
        if (Directory.Exists(scratch))
            Directory.Delete(scratch, recursive: true);
    }

    private static string WithoutLinkTime(string stats) =>
        System.Text.RegularExpressions.Regex.Replace(stats, @"\d{4}-\d\d-\d\d \d\d:\d\d UTC", "(time)");

    /// <summary>Users, ingest, training and a trial scoring run into <paramref name="hub"/>; the hub's statistics, the model folder and the prompts' ranks, probabilities and bands.</summary>
    private (string Stats, string Model, IReadOnlyList<(int Rank, double Probability, Core.Prompts.RiskBand Band)> Prompts) RunPipeline(string hub, string city, string name)
    {
        var key = Path.Combine(scratch, $"{name}.auditkey");
        var model = Path.Combine(scratch, name, "models", "m");
        void Run(params string[] args)
        {
            var (exit, _, error) = CommandRunner.Run([.. args, "--hub", hub, "--audit-key", key]);
            Assert.True(exit == ExitCodes.Success, $"{name}: {string.Join(' ', args)}: {error}");
        }
        Run("users", "add", "--username", "e2e.admin", "--role", "admin", "--display-name", "E2E admin");
        Run("users", "add", "--username", "e2e.analyst", "--role", "analyst", "--display-name", "E2E analyst", "--as", "e2e.admin");
        Run("ingest", city, "--as", "e2e.analyst");
        Run("train", "--as-of", "2024-12-31", "--out", model, "--resamples", "100", "--threads", "2", "--as", "e2e.analyst");
        Run("score", "--model", model, "--trial", "--as-of", "2025-01-01", "--capacity", "5", "--threads", "2", "--as", "e2e.analyst");
        var (_, stats, _) = CommandRunner.Run("hub", "stats", "--hub", hub, "--audit-key", key);
        using var store = HubStore.Open(hub, auditKeyFile: key);
        var run = store.Prompts.LatestRun()!;
        var prompts = store.Prompts.Queue(run.Id, new Hub.Prompts.QueueFilter()).Select(p => (p.Rank, p.Probability, p.Band)).ToArray();
        return (stats, model, prompts);
    }
}
