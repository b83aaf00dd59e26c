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
