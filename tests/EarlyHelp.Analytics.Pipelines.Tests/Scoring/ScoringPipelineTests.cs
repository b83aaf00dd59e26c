using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.History;
using EarlyHelp.Analytics.Features.PointInTime;
using EarlyHelp.Analytics.Features.Tables;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Learning.Data;
using EarlyHelp.Analytics.Learning.Models;
using EarlyHelp.Analytics.Pipelines.ModelFolders;
using EarlyHelp.Analytics.Pipelines.Scoring;
using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Pipelines.Tests.Scoring;

public sealed class ScoringPipelineTests
{
    private static readonly ScoringRequest Champion = new() { Actor = "tester" };

    private static ScoringOptions Options(int capacity = 10) => new() { AsOf = TrainedCity.AsOf, Capacity = capacity };

    [Fact]
    public void Run_Champion_TopKAreTheKHighestProbabilitiesComputedIndependently()
    {
        var hub = TrainedCity.CopyHub(promoted: true);
        using var store = HubStore.Open(hub);

        var result = ScoringPipeline.Run(store, Champion, Options(capacity: 10));

        // Independently: the model file read on its own, probabilities and raw scores predicted on the feature table at T
        // under the look-back caps its training_data.json records, and the stated order (probability, then raw score,
        // highest first; then family id) taken with LINQ.
        var model = ModelFiles.Load(TrainedCity.ModelFolder);
        using var trainingData = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(TrainedCity.ModelFolder, "training_data.json")));
        var caps = LookBackCaps.Of(trainingData.RootElement.GetProperty("look_back_caps").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32()));
        Assert.False(caps.IsNone);
        var table = FeatureTableBuilder.Build(HubHistory.Read(store.OpenReader(), hub), new FeatureTableOptions { AsOfDates = [TrainedCity.AsOf], LookBackCaps = caps });
        var names = model.FeatureNames;
        var values = new float[table.RowCount * names.Count];
        for (var row = 0; row < table.RowCount; row++)
        {
            for (var column = 0; column < names.Count; column++)
                values[row * names.Count + column] = table.Column(names[column])[row];
        }
        var data = new DenseDataset(names, values);
        var probabilities = model.PredictProbability(data);
        var rawScores = model.Ensemble.PredictRaw(data);
        var expected = Enumerable.Range(0, table.RowCount)
            .OrderByDescending(r => probabilities[r]).ThenByDescending(r => rawScores[r]).ThenBy(r => table.Families[r].Value)
            .Take(20).Select(r => (table.Families[r].Value, probabilities[r])).ToArray();
        Assert.Equal(expected[..10], StoredPrompts(hub, result.Run.Id));
        // The comparison set: the next ten in the same order, ranked 11 to 20, by family id and rank only.
        Assert.Equal(expected[10..].Select((e, i) => (e.Value, (long)(11 + i))),
            Query(hub, $"SELECT family_id, rank FROM comparison_family WHERE run_id = {result.Run.Id.Value} ORDER BY rank", r => (r.GetInt64(0), r.GetInt64(1))));
        Assert.Equal(table.RowCount, result.Run.FamiliesScored);
        Assert.Equal(10, result.Run.PromptCount);
        Assert.Equal(Enumerable.Range(1, 10), result.Prompts.Select(p => p.Rank));
        Assert.All(result.Prompts, p =>
        {
            Assert.NotEmpty(p.Content.Evidence);
            Assert.Equal(ProblemCategories.Headline, p.Content.Trajectories.Select(t => t.Category));
            Assert.All(p.Content.Trajectories, t => Assert.Equal(24, t.MonthlyCounts.Count));
            Assert.Empty(p.Content.Validate());
        });
    }

    [Fact]
    public void Run_Champion_RecordsTheModelAndAuditsTheRun()
    {
        using var store = HubStore.Open(TrainedCity.CopyHub(promoted: true));

        var result = ScoringPipeline.Run(store, Champion, Options(capacity: 3));

        Assert.Equal(new ModelReference("city-model", "2025-01-01", TrainedCity.Model.Registration.ModelSha256), result.Run.Model);
        var entry = store.AuditLog.Entries()[^1];
        Assert.Equal(("tester", "scoring_run.save", $"run {result.Run.Id}"), (entry.Actor, entry.Action, entry.Subject));
        Assert.Equal("model city-model 2025-01-01; as of 2025-01-01; capacity 3; 3 prompts; comparison set of 3 families ranked below the cut-off", entry.Detail);
    }

    [Fact]
    public void Run_HandBuiltFamilies_CountsExclusionsByReason()
    {
        using var store = HubStore.Open(HandBuiltHub.Create());

        var result = ScoringPipeline.Run(store, Champion, Options(capacity: 5));

        // See HandBuiltHub: families 1 and 5 scored; 4 already statutory; 2 and 6 opted out; 3 without a child; 7 not a family at T.
        Assert.Equal(2, result.Run.FamiliesScored);
        Assert.Equal(new ExclusionCounts(StatutoryAlready: 1, OptedOut: 2, NoDependentChild: 1), result.Run.Excluded);
        Assert.Equal(2, result.Run.PromptCount);
    }

    [Fact]
    public void Run_HandBuiltFamilies_ShowsTheFamilysAgenciesFreshnessAndTrajectory()
    {
        using var store = HubStore.Open(HandBuiltHub.Create());

        var prompts = ScoringPipeline.Run(store, Champion, Options(capacity: 5)).Prompts;

        // Family 1 is the one with an open record: the benefit claim since 2024-06-01. Its source's newest record
        // is that claim (no one else has one) and the extract is of 2024-12-31.
        var family1 = Assert.Single(prompts, p => p.Content.Agencies.Count > 0).Content;
        var dwp = DatasetCatalogue.Get("dwp.out_of_work_benefit");
        Assert.Equal([new AgencyInvolvement(dwp.Agency, dwp.Name, new DateOnly(2024, 6, 1))], family1.Agencies);
        Assert.Contains(new SourceFreshness(dwp.Agency, dwp.Name, new DateOnly(2024, 6, 1), HandBuiltHub.ExtractDate), family1.Freshness);
        // 24 month windows before 2025-01-01 start on the first of each month from 2023-01; the call-out of 2024-11-20
        // falls in the 23rd (index 22) and the claim of 2024-06-01 in the 18th (index 17).
        var domestic = family1.Trajectories.Single(t => t.Category == ProblemCategory.DomesticAbuse);
        Assert.Equal((new YearMonth(2023, 1), 22, 1), (domestic.FirstMonth, domestic.MonthlyCounts.ToList().IndexOf(1), domestic.MonthlyCounts.Sum()));
        var money = family1.Trajectories.Single(t => t.Category == ProblemCategory.WorklessnessFinance);
        Assert.Equal((17, 1), (money.MonthlyCounts.ToList().IndexOf(1), money.MonthlyCounts.Sum()));
    }

    [Fact]
    public void Run_AfterAMemberOptsOut_HidesTheOpenPromptAndExcludesTheFamilyNextRun()
    {
        var hub = TrainedCity.CopyHub(promoted: true);
        using var store = HubStore.Open(hub);
        var first = ScoringPipeline.Run(store, Champion, Options(capacity: 5));
        var (family, _) = StoredPrompts(hub, first.Run.Id)[0];

        store.OptOuts.Add(new PersonId(FirstMember(hub, family)), "objects to processing", "tester");
        var second = ScoringPipeline.Run(store, Champion, Options(capacity: 5));

        Assert.Null(store.Prompts.Find(first.Prompts[0].Reference));
        Assert.DoesNotContain(family, StoredPrompts(hub, second.Run.Id).Select(p => p.Family));
        Assert.Equal(first.Run.Excluded.OptedOut + 1, second.Run.Excluded.OptedOut);
        Assert.Equal(first.Run.FamiliesScored - 1, second.Run.FamiliesScored);
    }

    [Fact]
    public void Run_CandidateAsTrial_ScoresWithItAndMarksTheRunAndItsAuditEntry()
    {
        var hub = TrainedCity.CopyHub(promoted: false);
        using var store = HubStore.Open(hub);

        var result = ScoringPipeline.Run(store, new ScoringRequest { Actor = "tester", ModelFolder = TrainedCity.ModelFolder, Trial = true }, Options(capacity: 2));

        Assert.Equal("city-model", result.Run.Model.Name);
        Assert.True(result.Run.Trial);
        Assert.True(store.Prompts.FindRun(result.Run.Id)!.Trial);
        var entry = store.AuditLog.Entries().Single(e => e.Action == "scoring_run.save");
        Assert.StartsWith("TRIAL (the model is not the champion); model city-model", entry.Detail, StringComparison.Ordinal);
        // A trial is not counted by the programme view, so it keeps no comparison set.
        Assert.Empty(Query(hub, "SELECT rank FROM comparison_family", r => r.GetInt64(0)));
    }

    [Fact]
    public void Run_ChampionNamedByItsFolder_IsNotATrial()
    {
        using var store = HubStore.Open(TrainedCity.CopyHub(promoted: true));

        var result = ScoringPipeline.Run(store, new ScoringRequest { Actor = "tester", ModelFolder = TrainedCity.ModelFolder }, Options(capacity: 2));

        Assert.False(result.Run.Trial);
        Assert.DoesNotContain("TRIAL", store.AuditLog.Entries().Single(e => e.Action == "scoring_run.save").Detail, StringComparison.Ordinal);
    }

    public static TheoryData<string, bool, bool, bool, string> TrialMisuse => new()
    {
        { "a candidate without --trial", false, true, false, "'city-model' is not the champion (no model is): only the champion's prompts go to the panel; to score it for evaluation add --trial, and the run is marked as a trial on every page and in the audit log" },
        { "the champion with --trial", true, true, true, "'city-model' is the champion, so its run is not a trial: leave out --trial" },
        { "--trial without a model", true, false, true, "a trial runs a model that is not the champion: name it with --model models/NAME" },
    };

    [Theory]
    [MemberData(nameof(TrialMisuse))]
    public void Run_TrialMisused_ClearErrorAndNothingStored(string what, bool promoted, bool named, bool trial, string reason)
    {
        using var store = HubStore.Open(TrainedCity.CopyHub(promoted));
        var entries = store.AuditLog.Entries().Count;

        var error = Assert.Throws<BadInputException>(() => ScoringPipeline.Run(store,
            new ScoringRequest { Actor = "tester", ModelFolder = named ? TrainedCity.ModelFolder : null, Trial = trial }, Options(capacity: 2)));

        Assert.Equal(reason, error.Reason);
        Assert.Empty(store.Prompts.Runs());
        Assert.Equal(entries, store.AuditLog.Entries().Count);
        Assert.NotEmpty(what);
    }

    public static TheoryData<string, string?, int, string, string> BadRequests => new()
    {
        { "no champion", null, 5, "2025-01-01", "no model is the champion; an analyst proposes one ('earlyhelp models propose NAME') and an information governance reviewer signs it off ('earlyhelp models sign-off NAME'), or run a registered model as a trial with --model models/NAME --trial" },
        { "unknown model", "models/no-such-model", 5, "2025-01-01", "no model named 'no-such-model' is registered in this hub; a run uses only registered models ('earlyhelp models list' shows them)" },
        { "capacity below 1", null, 0, "2025-01-01", "The 'Capacity' option must be at least 1. Got 0 instead. (Parameter 'options')" },
        { "as-of after the extract", null, 5, "2025-01-02", "The as-of date must be no later than the day after the hub's extract date (2024-12-31), 2025-01-01. Got 2025-01-02 instead." },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void Run_BadRequest_ClearErrorAndNothingStored(string what, string? model, int capacity, string asOf, string reason)
    {
        using var store = HubStore.Open(TrainedCity.CopyHub(promoted: false));
        var entries = store.AuditLog.Entries().Count;

        var error = Assert.ThrowsAny<Exception>(() => ScoringPipeline.Run(store, new ScoringRequest { Actor = "tester", ModelFolder = model },
            new ScoringOptions { AsOf = DateOnly.Parse(asOf), Capacity = capacity }));

        Assert.True(error is BadInputException or ArgumentException, what);
        Assert.Equal(reason, error is BadInputException bad ? bad.Reason : error.Message);
        Assert.Empty(store.Prompts.Runs());
        Assert.Equal(entries, store.AuditLog.Entries().Count);
    }

    /// <summary>The family id and probability of each prompt of a run, by rank, read under the store.</summary>
    internal static (long Family, double Probability)[] StoredPrompts(string hub, ScoringRunId run) =>
        Query(hub, $"SELECT family_id, probability FROM prompt WHERE run_id = {run.Value} ORDER BY rank", r => (r.GetInt64(0), r.GetDouble(1)));

    private static long FirstMember(string hub, long family) =>
        Query(hub, $"SELECT person_id FROM family_member WHERE family_id = {family} AND end_date IS NULL ORDER BY person_id", r => r.GetInt64(0))[0];

    private static T[] Query<T>(string hub, string sql, Func<SqliteDataReader, T> read)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = hub, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows.ToArray();
    }
}
