using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Linkage;

namespace EarlyHelp.Analytics.Hub.Tests.Rights;

/// <summary>
/// Links <see cref="Fixtures.SmallCity"/>'s records by hand, from the truth its builder encodes (forename initial and surname
/// tell its eight people apart; Thomas is "Tom" to the police), so that a test knows exactly which records are whose.
/// </summary>
internal static class HandLinkedCity
{
    /// <summary>A record linker that puts records with the same forename initial and surname in one person.</summary>
    public static RecordLinker Linker { get; } = (records, _, _) =>
    {
        var keys = records.Select(r => $"{r.Forename?[0]} {r.Surname}").Distinct().ToList();
        return new PersonLinkageResult(records.Select(r => keys.IndexOf($"{r.Forename?[0]} {r.Surname}")).ToArray(), null, 0, new ExpectedLinkErrors(0, 0, 0, 0), []);
    };
}
