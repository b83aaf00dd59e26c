using System.Data.Common;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Postgres;

/// <summary>
/// Streams one partition of a partitioned PostgreSQL hub (<see cref="PostgresPartitioning"/>): every query names that
/// partition's tables (<c>event_p3</c>, <c>residence_p3</c>, <c>family_member_p3</c>) and never the partitioned parent,
/// so no query reaches another partition. People and households are the rows of the shared tables that the partition
/// names; the opt-out register is read whole (it is small, and a reference table in a distributed hub).
/// </summary>
/// <param name="connectionString">The hub's connection string.</param>
/// <param name="name">The hub as messages name it.</param>
/// <param name="extractDate">The newest extract date loaded.</param>
/// <param name="index">The partition, from 0.</param>
internal sealed class PostgresPartitionReader(string connectionString, string name, DateOnly extractDate, int index) : DbHubReader(extractDate)
{
    /// <summary>The partition this reader reads.</summary>
    public int Index => index;

    /// <inheritdoc />
    protected override DbConnection Open() => PostgresConnections.Open(connectionString, name);

    /// <inheritdoc />
    protected override string From(string table)
    {
        string members = Partition("family_member"), residences = Partition("residence"), events = Partition("event");
        return table switch
        {
            "event" => events,
            "residence" => residences,
            "family_member" => members,
            // Everyone a row of the partition names: a family's members, and anyone with a residence or a record here.
            "person" => $"(SELECT * FROM person WHERE person_id IN (SELECT person_id FROM {members} UNION SELECT person_id FROM {residences} UNION SELECT person_id FROM {events})) person",
            "household" => $"(SELECT * FROM household WHERE household_id IN (SELECT household_id FROM {residences})) household",
            _ => table,
        };
    }

    private string Partition(string table) => PostgresPartitioning.PartitionName(table, index);
}
