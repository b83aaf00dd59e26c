namespace EarlyHelp.Analytics.Core;

/// <summary>
/// Who a source can hold a record about, so that a family with no member in it reads "not covered by this source"
/// rather than "no record". Ages are in whole years at the as-of date; the statement says it in words; both come from the dataset catalogue file.
/// </summary>
/// <param name="Statement">Who the source covers, e.g. "Pupils of the council's schools, aged 4 to 16".</param>
/// <param name="YoungestAge">The youngest age covered.</param>
/// <param name="OldestAge">The oldest age covered.</param>
public sealed record SourceCoverage(string Statement, int YoungestAge, int OldestAge)
{
    /// <summary>True when someone of <paramref name="age"/> can have a record in the source.</summary>
    public bool Covers(int age) => age >= YoungestAge && age <= OldestAge;
}
