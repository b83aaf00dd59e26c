using Microsoft.Data.Sqlite;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>A temporary folder for a hub file, deleted afterwards.</summary>
internal sealed class ScratchHub : IDisposable
{
    private readonly string folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"earlyhelp-cli-tests-{Guid.NewGuid():N}");

    public ScratchHub()
    {
        Directory.CreateDirectory(folder);
        Path = System.IO.Path.Combine(folder, "hub.db");
    }

    public string Path { get; }

    /// <summary>Runs SQL on the hub file directly, under the stores.</summary>
    public void Execute(string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a failing test; the temporary folder is cleaned by the system.
        }
    }
}
