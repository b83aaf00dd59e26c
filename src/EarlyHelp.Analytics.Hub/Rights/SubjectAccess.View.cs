using System.Globalization;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Rights;

public sealed partial class SubjectAccess
{
    /// <summary>The audit action of an administrator looking at a person's records to act on a right.</summary>
    public const string ViewAction = "person.view";

    /// <summary>
    /// <paramref name="person"/>'s agency records as received, for an administrator acting on a right (objection,
    /// rectification, erasure) with a stated <paramref name="purpose"/>; the look is audited naming the person, so that
    /// their own subject access export lists it.
    /// </summary>
    public IReadOnlyList<SubjectRecord> View(PersonId person, string purpose, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var records = Records(person.Value);
        auditLog.Append(actor, ViewAction, $"person {person}", string.Create(CultureInfo.InvariantCulture,
            $"purpose: {purpose.Trim()}; {records.Count} records shown"));
        return records;
    }
}
