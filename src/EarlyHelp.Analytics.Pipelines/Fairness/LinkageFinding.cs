using System.Text.Json.Serialization;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Pipelines.Fairness;

/// <summary>One group's linkage errors against a synthetic city's truth, with 95% Wilson intervals.</summary>
/// <param name="Characteristic"><c>ethnicity</c>, <c>sex</c> or <c>age band</c>.</param>
/// <param name="Group">The group.</param>
/// <param name="People">True people of the group with a record in the hub.</param>
/// <param name="PeopleWithSeveralRecords">Those with two or more records, who can have a missed link.</param>
/// <param name="MissedLinkRate">Share of those whose records the hub holds under more than one person; null when none has several records.</param>
/// <param name="MissedLinkInterval">Its 95% Wilson interval.</param>
/// <param name="FalseLinkRate">Share of the people whose records share a hub person with another true person's; null for an empty group.</param>
/// <param name="FalseLinkInterval">Its 95% Wilson interval.</param>
public sealed record LinkageGroupRates(
    [property: JsonPropertyName("characteristic")] string Characteristic,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("people")] long People,
    [property: JsonPropertyName("people_with_several_records")] long PeopleWithSeveralRecords,
    [property: JsonPropertyName("missed_link_rate")] double? MissedLinkRate,
    [property: JsonPropertyName("missed_link_interval")] Interval MissedLinkInterval,
    [property: JsonPropertyName("false_link_rate")] double? FalseLinkRate,
    [property: JsonPropertyName("false_link_interval")] Interval FalseLinkInterval);

/// <summary>
/// The data-quality finding on record linkage that goes with the fairness audit: a family whose records fail to link
/// looks less needy to the model than it is, and one that takes in another person's records looks needier, so
/// linkage errors that differ by group are a route for bias the selection audit cannot see. Against a synthetic
/// city's truth, the missed-link and false-link rates by ethnic group, sex and age band (from
/// <see cref="LinkageEvaluation"/>); on any hub, what the model's own match probabilities expect and the clerical
/// queue waiting for review.
/// </summary>
/// <param name="Records">Identity records in the newest linkage; null on a hub never linked.</param>
/// <param name="LinkedPairs">Compared pairs the linkage put inside one person.</param>
/// <param name="ExpectedFalseLinks">False links the model's match probabilities expect: the sum of 1 − p over linked pairs.</param>
/// <param name="ExpectedMissedLinks">Missed links they expect: the sum of p over compared pairs left apart.</param>
/// <param name="ClericalQueue">Pairs waiting for clerical review.</param>
/// <param name="Precision">Pairwise precision against the truth, when there was one.</param>
/// <param name="Recall">Pairwise recall against the truth, when there was one.</param>
/// <param name="Groups">Rates by group against the truth; empty without one.</param>
public sealed record LinkageFinding(
    [property: JsonPropertyName("records")] long? Records,
    [property: JsonPropertyName("linked_pairs")] long? LinkedPairs,
    [property: JsonPropertyName("expected_false_links")] double? ExpectedFalseLinks,
    [property: JsonPropertyName("expected_missed_links")] double? ExpectedMissedLinks,
    [property: JsonPropertyName("clerical_queue")] long? ClericalQueue,
    [property: JsonPropertyName("precision")] double? Precision,
    [property: JsonPropertyName("recall")] double? Recall,
    [property: JsonPropertyName("groups")] IReadOnlyList<LinkageGroupRates> Groups)
{
    /// <summary>Why the finding belongs in a fairness report, in one sentence for readers of the card.</summary>
    public const string WhyItMatters =
        "A family whose records fail to link looks less needy to the model than it is (its events are spread over people the hub does not connect), and one that takes in another person's records looks needier; where these errors differ by group, so does what the model sees.";

    /// <summary>z for a two-sided 95% interval.</summary>
    private const double Z95 = 1.959964;

    /// <summary>The finding for the hub in <paramref name="store"/>, against <paramref name="truthFolder"/> when given.</summary>
    public static LinkageFinding Measure(IHubStore store, string? truthFolder)
    {
        ArgumentNullException.ThrowIfNull(store);
        var model = store.LatestLinkage();
        var finding = new LinkageFinding(model?.Records, model?.LinkedPairs, model?.ExpectedFalseLinks, model?.ExpectedMissedLinks, model?.ClericalQueue, null, null, []);
        if (truthFolder is null || store.ExtractDate is not { } asOf)
            return finding;
        var evaluation = LinkageEvaluation.Evaluate(store.ReadRecordPeople(), truthFolder, asOf);
        var groups = evaluation.Groups.Select(g => new LinkageGroupRates(g.Characteristic, g.Group, g.People, g.PeopleWithSeveralRecords,
            Rate(g.SplitPeople, g.PeopleWithSeveralRecords), ConfidenceIntervals.Wilson(g.SplitPeople, g.PeopleWithSeveralRecords, Z95),
            Rate(g.FalselyJoinedPeople, g.People), ConfidenceIntervals.Wilson(g.FalselyJoinedPeople, g.People, Z95))).ToArray();
        return finding with { Precision = evaluation.Pairwise.Precision, Recall = evaluation.Pairwise.Recall, Groups = groups };
    }

    private static double? Rate(long part, long whole) => whole == 0 ? null : (double)part / whole;
}
