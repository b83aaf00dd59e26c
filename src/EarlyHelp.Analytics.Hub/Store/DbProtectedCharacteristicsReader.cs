using System.Data.Common;
using EarlyHelp.Analytics.Core;

namespace EarlyHelp.Analytics.Hub.Store;

/// <summary>Reads a hub's protected characteristics over connections from <paramref name="open"/>; only the fairness audit is given this.</summary>
/// <param name="open">Opens a read connection; each enumeration opens its own.</param>
internal sealed class DbProtectedCharacteristicsReader(Func<DbConnection> open) : IProtectedCharacteristicsReader
{
    /// <inheritdoc />
    public IEnumerable<ProtectedCharacteristics> ProtectedCharacteristics()
    {
        using var connection = open();
        using var command = connection.Command(null, "SELECT person_id, sex, ethnicity, disability FROM person_protected ORDER BY person_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ProtectedCharacteristics(new PersonId(reader.GetInt64(0)),
                HubReading.Intern(reader.GetString(1), ProtectedCodes.Sexes),
                HubReading.Intern(reader.GetString(2), ProtectedCodes.Ethnicities),
                HubReading.Intern(reader.GetString(3), ProtectedCodes.Disabilities));
        }
    }
}
