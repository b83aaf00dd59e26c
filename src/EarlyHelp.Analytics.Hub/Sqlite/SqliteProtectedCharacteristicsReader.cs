using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Sqlite;

/// <summary>Reads the protected characteristics of a SQLite hub; only the fairness audit is given this.</summary>
internal sealed class SqliteProtectedCharacteristicsReader(string connectionString) : IProtectedCharacteristicsReader
{
    /// <inheritdoc />
    public IEnumerable<ProtectedCharacteristics> ProtectedCharacteristics()
    {
        using var connection = SqliteReading.Open(connectionString);
        using var command = connection.Command(null, "SELECT person_id, sex, ethnicity, disability FROM person_protected ORDER BY person_id");
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            yield return new ProtectedCharacteristics(new PersonId(reader.GetInt64(0)),
                SqliteReading.Intern(reader.GetString(1), ProtectedCodes.Sexes),
                SqliteReading.Intern(reader.GetString(2), ProtectedCodes.Ethnicities),
                SqliteReading.Intern(reader.GetString(3), ProtectedCodes.Disabilities));
        }
    }
}
