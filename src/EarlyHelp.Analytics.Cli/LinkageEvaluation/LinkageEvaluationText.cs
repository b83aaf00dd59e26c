using System.Globalization;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Evaluation.Statistics;
using EarlyHelp.Analytics.Hub.Identity;

namespace EarlyHelp.Analytics.Cli.LinkageEvaluation;

/// <summary>What <c>earlyhelp linkage evaluate</c> prints.</summary>
internal static class LinkageEvaluationText
{
    /// <summary>z for a two-sided 95% interval.</summary>
    private const double Z95 = 1.959964;

    /// <summary>Writes the pairwise line first (the form checks read), then clusters and groups.</summary>
    public static void Write(TextWriter output, string hub, string truth, LinkageEvaluationResult result)
    {
        var pairwise = result.Pairwise;
        output.WriteLine(Invariant($"precision={pairwise.Precision:0.00000} recall={pairwise.Recall:0.00000} f1={pairwise.F1:0.00000}"));
        output.WriteLine();
        output.WriteLine(Invariant($"Linkage of {hub} against {truth}: {result.Records:N0} records in both ({result.HubOnly:N0} only in the hub, {result.TruthOnly:N0} only in the truth, e.g. dropped by retention)."));
        output.WriteLine(Invariant($"pairs: {pairwise.TruePositives:N0} linked correctly, {pairwise.FalsePositives:N0} false links, {pairwise.FalseNegatives:N0} missed links"));
        var clusters = result.Clusters;
        output.WriteLine(Invariant($"people: {clusters.TruthEntities:N0} true, {clusters.PredictedEntities:N0} in the hub, {clusters.ExactlyRecovered:N0} recovered exactly ({Share(clusters.ExactlyRecovered, clusters.TruthEntities)}), {clusters.SplitEntities:N0} split, {clusters.MergedEntities:N0} hub people holding more than one true person"));
        output.WriteLine();
        output.WriteLine("By group: a missed link leaves a person's records under several hub people (so the person looks less known than they are);");
        output.WriteLine("a false link puts another person's records with theirs. Rates per true person, 95% Wilson intervals.");
        var table = new TextTable("characteristic", "group", "people", "with 2+ records", "missed-link rate", "95% interval", "pairs missed", "false-link rate", "95% interval");
        foreach (var group in result.Groups)
        {
            var missed = ConfidenceIntervals.Wilson(group.SplitPeople, group.PeopleWithSeveralRecords, Z95);
            var joined = ConfidenceIntervals.Wilson(group.FalselyJoinedPeople, group.People, Z95);
            table.Add(group.Characteristic, group.Group, Number(group.People), Number(group.PeopleWithSeveralRecords),
                Rate(group.SplitPeople, group.PeopleWithSeveralRecords), Interval(missed), Rate(group.MissedPairs, group.TruePairs),
                Rate(group.FalselyJoinedPeople, group.People), Interval(joined));
        }
        table.WriteTo(output);
        var ethnic = result.Groups.Where(g => g.Characteristic == "ethnicity" && g.PeopleWithSeveralRecords > 0)
            .Select(g => (g.Group, Rate: (double)g.SplitPeople / g.PeopleWithSeveralRecords)).ToArray();
        if (ethnic.Length > 1)
        {
            var lowest = ethnic.MinBy(g => g.Rate);
            var highest = ethnic.MaxBy(g => g.Rate);
            output.WriteLine();
            output.WriteLine(Invariant($"Spread of missed-link rates between ethnic groups: {highest.Rate - lowest.Rate:0.0000} ({highest.Group} {highest.Rate:0.0000}, {lowest.Group} {lowest.Rate:0.0000})."));
        }
    }

    /// <summary>Writes the family coverage: true families with children against the hub's, and how many a hub family matches.</summary>
    public static void Write(TextWriter output, FamilyCoverage families)
    {
        output.WriteLine();
        output.WriteLine(Invariant($"Families on {families.AsOf:yyyy-MM-dd} with a dependent child: {families.TrueFamilies:N0} true, {families.HubFamilies:N0} in the hub; {families.Matched:N0} true families matched by a hub family ({Share(families.Matched, families.TrueFamilies)}: more than half of its children in one hub family, and more than half of that family's)."));
        output.WriteLine(Invariant($"Dependent children: {families.TrueChildren:N0} true, {families.ChildrenInTheHub:N0} with a record in the hub, {families.ChildrenInAFamily:N0} in a hub family ({Share(families.ChildrenInAFamily, families.ChildrenInTheHub)} of those with a record)."));
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rate(long part, long whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Share(long part, long whole) => whole == 0 ? "n/a" : ((double)part / whole).ToString("0.0%", CultureInfo.InvariantCulture);

    private static string Interval(Interval interval) => interval.IsDefined
        ? string.Create(CultureInfo.InvariantCulture, $"{interval.Lower:0.0000} to {interval.Upper:0.0000}")
        : "n/a";
}
