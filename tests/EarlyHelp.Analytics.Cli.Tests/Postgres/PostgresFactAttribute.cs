namespace EarlyHelp.Analytics.Cli.Tests.Postgres;

/// <summary>
/// A fact that needs the PostgreSQL server named by <c>$EARLYHELP_TEST_POSTGRES</c>: skipped, saying so, when none
/// is named, unless <c>EARLYHELP_REQUIRE_POSTGRES=1</c> (as in CI), when the test runs and fails without it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>The variable holding the server's connection string.</summary>
    public const string Variable = "EARLYHELP_TEST_POSTGRES";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable)) && Environment.GetEnvironmentVariable("EARLYHELP_REQUIRE_POSTGRES") != "1")
            Skip = $"no PostgreSQL server to test against: set {Variable} to a connection string (see docs/postgresql.md)";
    }
}
