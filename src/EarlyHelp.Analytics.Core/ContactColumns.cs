namespace EarlyHelp.Analytics.Core;

/// <summary>
/// The columns in which a case system's extract names the worker or team allocated to a record and how to reach them.
/// Each is null where the system does not hold it; the columns come after the others, in this order.
/// </summary>
/// <param name="Worker">Column of the allocated worker's name.</param>
/// <param name="Role">Column of the worker's role.</param>
/// <param name="Team">Column of the team.</param>
/// <param name="Phone">Column of a phone number (the worker's or the team's).</param>
/// <param name="Email">Column of an email address (the worker's or the team's).</param>
public sealed record ContactColumns(string? Worker, string? Role, string? Team, string? Phone, string? Email)
{
    /// <summary>The columns present, in file order: worker, role, team, phone, email.</summary>
    public IReadOnlyList<string> InFileOrder => [.. new[] { Worker, Role, Team, Phone, Email }.OfType<string>()];
}

/// <summary>
/// Who a source can hold a record about, so that a family with no member in it reads "not covered by this source"
/// rather than "no record". Ages are in whole years at the as-of date; the statement says it in words.
/// </summary>
/// <param name="Statement">Who the source covers, e.g. "Pupils of the council's schools, aged 4 to 16".</param>
/// <param name="YoungestAge">The youngest age covered.</param>
/// <param name="OldestAge">The oldest age covered.</param>
public sealed record SourceCoverage(string Statement, int YoungestAge, int OldestAge)
{
    /// <summary>True when someone of <paramref name="age"/> can have a record in the source.</summary>
    public bool Covers(int age) => age >= YoungestAge && age <= OldestAge;
}
