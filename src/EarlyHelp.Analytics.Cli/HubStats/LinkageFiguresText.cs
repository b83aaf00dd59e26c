using System.Globalization;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Cli.HubStats;

/// <summary>The linkage lines of <c>earlyhelp hub stats</c>: what the newest linkage made of the records, and the errors its own probabilities expect.</summary>
internal static class LinkageFiguresText
{
    /// <summary>Writes the figures, or a line saying there are none.</summary>
    public static void Write(TextWriter output, LinkageFigures? linkage)
    {
        if (linkage is null)
        {
            output.WriteLine("Linkage: none until an extract is loaded ('earlyhelp ingest').");
            output.WriteLine();
            return;
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            Linkage (model version {linkage.ModelVersion}, {linkage.LinkedAt:yyyy-MM-dd HH:mm} UTC): {linkage.Records:N0} agency records linked into {linkage.People:N0} people
              compared pairs {linkage.ComparedPairs:N0} ({(linkage.Records == 0 ? 0 : (double)linkage.ComparedPairs / linkage.Records):0.0} per record), linked pairs {linkage.LinkedPairs:N0}
              expected false links {linkage.ExpectedFalseLinks:N1} (sum of 1 - p over linked pairs), expected missed links {linkage.ExpectedMissedLinks:N1} (sum of p over compared pairs left apart)
              clerical review queue {linkage.ClericalQueue:N0} pairs; clerical decisions recorded {linkage.ClericalDecisions:N0}
            """));
        output.WriteLine();
    }
}
