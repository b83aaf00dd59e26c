using EarlyHelp.Analytics.Pipelines.Fairness;

namespace EarlyHelp.Analytics.Pipelines.ModelCards;

public static partial class ModelCard
{
    /// <summary>The data-quality finding on record linkage: what the model expects, and the rates by group against a truth.</summary>
    private static IEnumerable<CardBlock> LinkageBlocks(LinkageFinding? linkage)
    {
        if (linkage is null)
            yield break;
        var expected = linkage.Records is { } records
            ? Invariant($"The hub's newest linkage put {records:N0} records into people; its own match probabilities expect {linkage.ExpectedFalseLinks:N0} false links among the {linkage.LinkedPairs:N0} linked pairs and {linkage.ExpectedMissedLinks:N0} missed links among the pairs it compared and left apart, and {linkage.ClericalQueue:N0} pairs wait for clerical review.")
            : "The hub holds no linkage model: its records were not linked by this hub.";
        yield return new CardBlock.Paragraph("Data-quality finding — record linkage. " + LinkageFinding.WhyItMatters + " " + expected);
        if (linkage.Groups.Count == 0)
            yield break;
        yield return new CardBlock.Table(
            Invariant($"Linkage errors by group against the synthetic city's truth (pairwise precision {linkage.Precision:0.0000}, recall {linkage.Recall:0.0000}): a missed link leaves a person's records under several hub people; a false link puts another person's records with theirs. 95% Wilson intervals"),
            ["characteristic", "group", "people", "with 2+ records", "missed-link rate (95%)", "false-link rate (95%)"],
            linkage.Groups.Select(g => (IReadOnlyList<string>)
            [
                g.Characteristic, g.Group, Count(g.People), Count(g.PeopleWithSeveralRecords),
                g.MissedLinkRate is { } missed ? Rate(missed, g.MissedLinkInterval) : "—",
                g.FalseLinkRate is { } falseLinks ? Rate(falseLinks, g.FalseLinkInterval) : "—",
            ]).ToArray());
    }
}
