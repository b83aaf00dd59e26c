using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Ingest;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Writes rows keyed by a natural key into one hub table, counting what happened to them (see <see cref="IHubLoad"/>).</summary>
/// <typeparam name="T">The row type.</typeparam>
internal interface IKeyedWriter<T>
{
    /// <summary>Writes the rows and counts what happened to them.</summary>
    LoadCounts Write(ReadOnlySpan<T> rows);
}

/// <summary>A load's writer for each table of the canonical model.</summary>
/// <param name="Households">Households.</param>
/// <param name="People">People.</param>
/// <param name="ProtectedCharacteristics">Protected characteristics.</param>
/// <param name="Identities">Identities.</param>
/// <param name="Residences">Residence periods.</param>
/// <param name="Families">Families.</param>
/// <param name="Memberships">Family memberships.</param>
/// <param name="Events">Events, of the dataset last given to <paramref name="UseDataset"/>.</param>
/// <param name="UseDataset">Sets the dataset of the events written next.</param>
internal sealed record CanonicalWriters(
    IKeyedWriter<Household> Households, IKeyedWriter<Person> People, IKeyedWriter<ProtectedCharacteristics> ProtectedCharacteristics,
    IKeyedWriter<PersonIdentity> Identities, IKeyedWriter<Residence> Residences, IKeyedWriter<FamilyId> Families,
    IKeyedWriter<FamilyMembership> Memberships, IKeyedWriter<SourceEvent> Events, Action<string> UseDataset);
