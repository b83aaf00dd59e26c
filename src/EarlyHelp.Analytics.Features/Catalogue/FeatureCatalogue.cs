using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Features.Catalogue;

/// <summary>
/// Every feature, in column order: composition; per headline problem the record counts in four
/// windows, recency, new or persistent, trend, acceleration and open records; the same across all
/// problems with the breadth counts; per key dataset its windows, recency and open records, and
/// per other source dataset its 12-month count; then earlier early help and statutory involvement.
/// Counts are per family: the sum over the people who are members at T.
/// No feature is a protected characteristic, and none is the area, address or the area's
/// deprivation, which would stand in for them.
/// </summary>
public static class FeatureCatalogue
{
    /// <summary>The record-count windows, in months.</summary>
    public static IReadOnlyList<int> Windows { get; } = [3, 6, 12, 24];

    /// <summary>
    /// The datasets that get the full set of windows: those the early-help literature and practice
    /// most often name as signs of escalating need (police-attended domestic abuse and MARAC, earlier
    /// contacts and referrals, missing episodes, absence and suspension, worklessness and arrears,
    /// parental mental health and substance misuse).
    /// </summary>
    public static IReadOnlyList<string> KeyDatasets { get; } =
    [
        "police.domestic_abuse_incident", "marac.case", "csc.contact_not_progressed", "csc.referral",
        "school.persistent_absence", "school.suspension", "police.missing_child", "dwp.out_of_work_benefit",
        "housing.rent_arrears", "health.adult_mental_health", "health.substance_misuse",
    ];

    /// <summary>Every feature, in column order.</summary>
    public static IReadOnlyList<FeatureDefinition> All { get; } = Build();

    /// <summary>Every feature name, in column order.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(f => f.Name).ToArray();

    private static readonly Dictionary<string, int> Positions =
        All.Select((feature, position) => (feature.Name, position)).ToDictionary(p => p.Name, p => p.position, StringComparer.Ordinal);

    /// <summary>The column position of a feature name, or −1 when there is no such feature.</summary>
    public static int IndexOf(string name) => Positions.TryGetValue(name, out var position) ? position : -1;

    /// <summary>The feature with this name; throws when there is none.</summary>
    public static FeatureDefinition Get(string name) =>
        IndexOf(name) is var position and >= 0 ? All[position] : throw new KeyNotFoundException($"Unknown feature '{name}'.");

    /// <summary>A feature name's form of a dataset code: <c>police.asb_incident</c> becomes <c>police_asb_incident</c>.</summary>
    public static string ColumnStem(string datasetCode) => datasetCode.Replace('.', '_');

    private static FeatureDefinition[] Build()
    {
        var features = new List<FeatureDefinition>();
        AddComposition(features);
        foreach (var problem in ProblemCategories.Headline)
            AddProblem(features, problem);
        AddTrajectory(features);
        foreach (var dataset in DatasetCatalogue.Sources)
            AddDataset(features, dataset);
        AddHistory(features);
        return features.ToArray();
    }

    private static void AddComposition(List<FeatureDefinition> features)
    {
        const string category = FeatureCategories.Composition;
        features.Add(Plain("members", "{value} members of the family", category, FeatureUnit.People, FeatureKind.Members));
        features.Add(Plain("children", "{value} dependent children (aged 0 to 17)", category, FeatureUnit.People, FeatureKind.Children));
        features.Add(Plain("children_under_5", "{value} children under 5", category, FeatureUnit.People, FeatureKind.ChildrenUnderFive));
        features.Add(Plain("youngest_child_age", "The youngest child is {value} years old", category, FeatureUnit.Years, FeatureKind.YoungestChildAge));
        features.Add(Plain("oldest_child_age", "The oldest child is {value} years old", category, FeatureUnit.Years, FeatureKind.OldestChildAge));
        features.Add(Plain("adults", "{value} adults (18 or over)", category, FeatureUnit.People, FeatureKind.Adults));
        features.Add(Plain("lone_carer", "One parent or carer in the family: {value}", category, FeatureUnit.Flag, FeatureKind.LoneCarer));
        features.Add(Plain("household_moves_24m", "{value} moves of address in the last 24 months", category, FeatureUnit.Moves,
            FeatureKind.HouseholdMoves) with { Months = 24 });
    }

    private static void AddProblem(List<FeatureDefinition> features, ProblemCategory problem)
    {
        var stem = problem.Code();
        var name = problem.PlainName();
        FeatureDefinition Problem(string suffix, string description, FeatureUnit unit, FeatureKind kind, int months = 0) =>
            new() { Name = $"{stem}_{suffix}", Description = $"{name}: {description}", Category = stem, Unit = unit, Kind = kind, Problem = problem, Months = months };

        foreach (var months in Windows)
            features.Add(Problem($"{months}m", $"{{value}} records in the last {months} months, across all agencies", FeatureUnit.Records, FeatureKind.RecordCount, months));
        features.Add(Problem("months_since_latest", "{value} whole months since the most recent record", FeatureUnit.Months, FeatureKind.MonthsSinceLatest));
        features.Add(Problem("new", "a new problem (records in the last 12 months, none in the 24 months before): {value}", FeatureUnit.Flag, FeatureKind.NewProblem, 12));
        features.Add(Problem("persistent", "a persistent problem (records in the last 12 months and in the 24 months before): {value}", FeatureUnit.Flag, FeatureKind.PersistentProblem, 12));
        features.Add(Problem("slope_12m", "monthly records changing by {value} a month over the last 12 months (least-squares trend)", FeatureUnit.RecordsPerMonth, FeatureKind.MonthlySlope, 12));
        features.Add(Problem("acceleration_6m", "{value} records in the last 6 months compared with the 6 months before", FeatureUnit.Records, FeatureKind.Acceleration, 12));
        features.Add(Problem("open", "{value} records open at the as-of date", FeatureUnit.Records, FeatureKind.OpenRecords));
    }

    private static void AddTrajectory(List<FeatureDefinition> features)
    {
        const string category = FeatureCategories.Trajectory;
        foreach (var months in Windows)
        {
            features.Add(Plain($"all_problems_{months}m", $"{{value}} records about the six headline problems in the last {months} months",
                category, FeatureUnit.Records, FeatureKind.RecordCount) with { Months = months });
        }
        features.Add(Plain("all_problems_months_since_latest", "{value} whole months since the most recent record about any headline problem",
            category, FeatureUnit.Months, FeatureKind.MonthsSinceLatest));
        features.Add(Plain("all_problems_slope_12m", "Monthly records about all problems changing by {value} a month over the last 12 months (least-squares trend)",
            category, FeatureUnit.RecordsPerMonth, FeatureKind.MonthlySlope) with { Months = 12 });
        features.Add(Plain("all_problems_acceleration_6m", "{value} records about all problems in the last 6 months compared with the 6 months before",
            category, FeatureUnit.Records, FeatureKind.Acceleration) with { Months = 12 });
        features.Add(Plain("distinct_problems_12m", "{value} of the six headline problems with records in the last 12 months",
            category, FeatureUnit.Problems, FeatureKind.DistinctProblems) with { Months = 12 });
        features.Add(Plain("distinct_problems_24m", "{value} of the six headline problems with records in the last 24 months",
            category, FeatureUnit.Problems, FeatureKind.DistinctProblems) with { Months = 24 });
        features.Add(Plain("distinct_agencies_12m", "{value} agencies with records in the last 12 months",
            category, FeatureUnit.Agencies, FeatureKind.DistinctAgencies) with { Months = 12 });
        features.Add(Plain("members_with_records_12m", "{value} family members with records in the last 12 months",
            category, FeatureUnit.People, FeatureKind.MembersWithRecords) with { Months = 12 });
    }

    private static void AddDataset(List<FeatureDefinition> features, DatasetDefinition dataset)
    {
        var stem = ColumnStem(dataset.Code);
        FeatureDefinition Dataset(string suffix, string description, FeatureUnit unit, FeatureKind kind, int months = 0) =>
            new()
            {
                Name = $"{stem}_{suffix}", Description = $"{dataset.Name}: {description}", Category = dataset.Category.Code(),
                Unit = unit, Kind = kind, Problem = dataset.Category, Dataset = dataset.Code, Months = months,
            };

        if (!KeyDatasets.Contains(dataset.Code))
        {
            features.Add(Dataset("12m", "{value} in the last 12 months", FeatureUnit.Records, FeatureKind.RecordCount, 12));
            return;
        }
        foreach (var months in Windows)
            features.Add(Dataset($"{months}m", $"{{value}} in the last {months} months", FeatureUnit.Records, FeatureKind.RecordCount, months));
        features.Add(Dataset("months_since_latest", "{value} whole months since the most recent", FeatureUnit.Months, FeatureKind.MonthsSinceLatest));
        if (dataset.Layout.EndDateColumn is not null)
            features.Add(Dataset("open", "{value} open at the as-of date", FeatureUnit.Records, FeatureKind.OpenRecords));
    }

    private static void AddHistory(List<FeatureDefinition> features)
    {
        const string category = FeatureCategories.History;
        features.Add(Plain("early_help_ended", "{value} earlier early help episodes that have ended", category, FeatureUnit.Records, FeatureKind.EarlyHelpEnded));
        features.Add(Plain("early_help_open", "{value} early help episodes open at the as-of date", category, FeatureUnit.Records, FeatureKind.EarlyHelpOpen));
        features.Add(Plain("early_help_months_since_ended", "{value} whole months since an early help episode last ended",
            category, FeatureUnit.Months, FeatureKind.MonthsSinceEarlyHelpEnded));
        foreach (var outcome in DatasetCatalogue.Outcomes)
        {
            features.Add(Plain($"{ColumnStem(outcome.Code)}_ended", $"{{value}} earlier records of '{outcome.Name}' that have ended (any member)",
                category, FeatureUnit.Records, FeatureKind.StatutoryEnded) with { Dataset = outcome.Code });
        }
        features.Add(Plain("statutory_months_since_ended", "{value} whole months since statutory social care involvement last ended",
            category, FeatureUnit.Months, FeatureKind.MonthsSinceStatutoryEnded));
    }

    private static FeatureDefinition Plain(string name, string description, string category, FeatureUnit unit, FeatureKind kind) =>
        new() { Name = name, Description = description, Category = category, Unit = unit, Kind = kind };
}
