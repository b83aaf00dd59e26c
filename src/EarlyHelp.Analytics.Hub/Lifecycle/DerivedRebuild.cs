using EarlyHelp.Analytics.Hub.Identity;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>
/// Rebuilds people, protected characteristics, identities, households, residences and families from the records that
/// remain after a change that is not a load (retention, a record removed or unlinked), without linking again: ids stay.
/// </summary>
internal static class DerivedRebuild
{
    /// <summary>Derives from <paramref name="remaining"/> as of the newest extract and replaces the derived tables in <paramref name="load"/>; returns the people after.</summary>
    public static long Replace(IHubLoad load, IdentityState state, IReadOnlyList<IdentityRecord> remaining, DateOnly newest)
    {
        var derived = HubDerivation.Derive(remaining, new Gazetteer(state.Gazetteer), state.Previous, newest);
        load.ReplaceDerived(derived);
        return derived.People.Count;
    }
}
