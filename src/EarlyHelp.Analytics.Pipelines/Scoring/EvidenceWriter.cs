using System.Globalization;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Features.Catalogue;

namespace EarlyHelp.Analytics.Pipelines.Scoring;

/// <summary>
/// Turns one contributing factor into a dated, plain-language fact: the feature catalogue's description with the
/// family's value written in, then the date of the newest record behind it, read from the family's own records —
/// e.g. "Domestic abuse incident attended by police: 3 in the last 6 months, most recent 12 Feb 2025". Features are
/// catalogue features only, so no fact is about a protected characteristic.
/// </summary>
internal static class EvidenceWriter
{
    /// <summary>The fact for <paramref name="feature"/> with <paramref name="value"/>, or null when a missing value says nothing worth showing.</summary>
    public static EvidenceItem? Write(FeatureDefinition feature, float value, double contribution, FamilyRecords records)
    {
        var text = float.IsNaN(value) ? NoRecordText(feature) : feature.Describe(value);
        if (text is null || contribution == 0 || !double.IsFinite(contribution))
            return null;
        // A zero count or a "no" rests on no record, so it has no date; zero months since a record is a record last month.
        var (date, wording) = float.IsNaN(value) || value == 0 && feature.Unit != FeatureUnit.Months ? (null, "") : DateBehind(feature, records);
        if (date is { } known)
            text = feature.Kind == FeatureKind.MonthsSinceLatest
                // "0 whole months since the most recent, most recent 12 Feb" says the date twice; the panel reads the date and how long ago.
                ? $"{ScopeName(feature)}: most recent record {Day(known)}, {MonthsAgo(value)}"
                : $"{text}, {wording} {Day(known)}";
        return new EvidenceItem(CategoryOf(feature), text, contribution, date);
    }

    private static string Day(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>A "months since" value in words: 0 is the month before the as-of date, n the month n months before that.</summary>
    private static string MonthsAgo(float wholeMonths) => wholeMonths < 1
        ? "in the last month"
        : string.Create(CultureInfo.InvariantCulture, $"{wholeMonths:0} to {wholeMonths + 1:0} months ago");

    /// <summary>The problem a feature is about: its own, its dataset's, early help's for early help history, statutory care for statutory history; null for the family as a whole.</summary>
    public static ProblemCategory? CategoryOf(FeatureDefinition feature) => feature switch
    {
        { Problem: { } problem } => problem,
        { Dataset: { } dataset } => DatasetCatalogue.Get(dataset).Category,
        { Kind: FeatureKind.EarlyHelpEnded or FeatureKind.EarlyHelpOpen or FeatureKind.MonthsSinceEarlyHelpEnded } =>
            DatasetCatalogue.Get(DatasetCatalogue.EarlyHelpEpisode).Category,
        { Kind: FeatureKind.MonthsSinceStatutoryEnded } => ProblemCategory.StatutoryCare,
        _ => null,
    };

    /// <summary>Which source datasets a feature's records come from (none for family make-up and moves).</summary>
    public static Func<DatasetDefinition, bool> Scope(FeatureDefinition feature) => feature switch
    {
        { Kind: FeatureKind.Members or FeatureKind.Children or FeatureKind.ChildrenUnderFive or FeatureKind.YoungestChildAge
            or FeatureKind.OldestChildAge or FeatureKind.Adults or FeatureKind.LoneCarer or FeatureKind.HouseholdMoves } => _ => false,
        { Kind: FeatureKind.EarlyHelpEnded or FeatureKind.EarlyHelpOpen or FeatureKind.MonthsSinceEarlyHelpEnded } =>
            d => d.Code == DatasetCatalogue.EarlyHelpEpisode,
        { Kind: FeatureKind.MonthsSinceStatutoryEnded } => d => d.Kind == DatasetKind.Outcome,
        { Dataset: { } dataset } => d => d.Code == dataset,
        { Problem: { } problem } => d => d.Kind != DatasetKind.Outcome && d.Category == problem,
        _ => d => d.Kind != DatasetKind.Outcome,
    };

    /// <summary>The newest record behind a non-missing value, and how to word its date.</summary>
    private static (DateOnly? Date, string Wording) DateBehind(FeatureDefinition feature, FamilyRecords records)
    {
        var scope = Scope(feature);
        return feature.Kind switch
        {
            FeatureKind.RecordCount or FeatureKind.NewProblem or FeatureKind.PersistentProblem or FeatureKind.MonthlySlope
                or FeatureKind.Acceleration or FeatureKind.DistinctProblems or FeatureKind.DistinctAgencies
                or FeatureKind.MembersWithRecords => (records.LatestStart(scope, feature.Months), "most recent"),
            FeatureKind.MonthsSinceLatest => (records.LatestStart(scope), "most recent"),
            FeatureKind.OpenRecords or FeatureKind.EarlyHelpOpen => (records.LatestOpenStart(scope), "most recent starting"),
            FeatureKind.EarlyHelpEnded or FeatureKind.MonthsSinceEarlyHelpEnded or FeatureKind.StatutoryEnded
                or FeatureKind.MonthsSinceStatutoryEnded => (records.LatestEnd(scope), "last ended"),
            FeatureKind.HouseholdMoves => (records.LatestMove(feature.Months), "most recent"),
            _ => (null, ""),
        };
    }

    /// <summary>What a missing value means, for the kinds where "none" is itself a fact; null for the rest.</summary>
    private static string? NoRecordText(FeatureDefinition feature) => feature.Kind switch
    {
        FeatureKind.MonthsSinceLatest => $"{ScopeName(feature)}: no record in the retention period",
        FeatureKind.MonthsSinceEarlyHelpEnded => "No earlier early help episode has ended",
        FeatureKind.MonthsSinceStatutoryEnded => "No earlier statutory social care involvement has ended",
        _ => null,
    };

    private static string ScopeName(FeatureDefinition feature) => feature switch
    {
        { Dataset: { } dataset } => DatasetCatalogue.Get(dataset).Name,
        { Problem: { } problem } => problem.PlainName(),
        _ => "Any headline problem",
    };
}
