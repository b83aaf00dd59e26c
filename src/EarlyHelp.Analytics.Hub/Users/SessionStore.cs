using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Users;

/// <summary>
/// Signed-in sessions (<c>app_session</c>). A session is valid only while its row says so: a copied cookie stops
/// working the moment the session is ended here, by signing out, a change to the account, an administrator, or
/// the idle and absolute limits. The hub keeps a SHA-256 of each token, never the token itself.
/// </summary>
public sealed class SessionStore
{
    /// <summary>The end reason of a session signed out by its user.</summary>
    public const string SignedOut = "signed out";

    private readonly DbConnection connection;
    private readonly TimeProvider clock;

    internal SessionStore(DbConnection connection, TimeProvider clock)
    {
        this.connection = connection;
        this.clock = clock;
    }

    /// <summary>Starts a session for <paramref name="username"/> and returns its token (256 random bits in hex), to be kept only in the cookie.</summary>
    public string Start(string username)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var now = HubQueries.FormatTime(clock.GetUtcNow());
        connection.Execute(null, "INSERT INTO app_session (session_id, username, created_at, last_seen_at) VALUES (@p0, @p1, @p2, @p2)",
            Key(token), Usernames.Normalise(username), now);
        return token;
    }

    /// <summary>
    /// Whether the session is still open under <paramref name="policy"/>, and whose it is. A session past its idle or
    /// absolute limit is ended here, with the reason. A session still open is marked as seen now (at most once a
    /// minute, so that reading pages does not write on every request).
    /// </summary>
    public SessionCheck Check(string token, SessionPolicy policy)
    {
        var key = Key(token);
        var now = clock.GetUtcNow();
        using (var command = connection.Command(null,
            "SELECT username, created_at, last_seen_at, end_reason FROM app_session WHERE session_id = @p0", key))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
                return new SessionCheck.Ended("unknown session");
            if (!reader.IsDBNull(3))
                return new SessionCheck.Ended(reader.GetString(3));
            var (username, created, lastSeen) = (reader.GetString(0), HubQueries.ParseTime(reader.GetString(1)), HubQueries.ParseTime(reader.GetString(2)));
            reader.Close();
            var expired = now - created >= policy.AbsoluteLifetime ? "absolute lifetime reached"
                : now - lastSeen >= policy.IdleTimeout ? "idle"
                : null;
            if (expired is not null)
            {
                End(null, "session_id = @p2", expired, now, key);
                return new SessionCheck.Ended(expired);
            }
            if (now - lastSeen >= TimeSpan.FromMinutes(1))
                connection.Execute(null, "UPDATE app_session SET last_seen_at = @p1 WHERE session_id = @p0", key, HubQueries.FormatTime(now));
            return new SessionCheck.Open(username);
        }
    }

    /// <summary>Ends one session (e.g. at sign-out); false when it was already ended or unknown.</summary>
    public bool End(string token, string reason) => End(null, "session_id = @p2 AND ended_at IS NULL", reason, clock.GetUtcNow(), Key(token)) > 0;

    /// <summary>How many sessions each user has open now (users with none are absent).</summary>
    public IReadOnlyDictionary<string, int> OpenCounts()
    {
        using var command = connection.Command(null, "SELECT username, COUNT(*) FROM app_session WHERE ended_at IS NULL GROUP BY username");
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<string, int>();
        while (reader.Read())
            counts[reader.GetString(0)] = reader.GetInt32(1);
        return counts;
    }

    /// <summary>Ends a user's open sessions inside <paramref name="transaction"/>, except the one whose token is <paramref name="keep"/>.</summary>
    internal int EndOpen(DbTransaction transaction, string username, string reason, string? keep = null) =>
        End(transaction, "username = @p2 AND ended_at IS NULL AND session_id <> @p3", reason, clock.GetUtcNow(), username, keep is null ? "" : Key(keep));

    private int End(DbTransaction? transaction, string condition, string reason, DateTimeOffset at, params object?[] values) =>
        connection.Execute(transaction, $"UPDATE app_session SET ended_at = @p0, end_reason = @p1 WHERE {condition}",
            [HubQueries.FormatTime(at), reason, .. values]);

    private static string Key(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

/// <summary>How long a session may last.</summary>
public sealed record SessionPolicy
{
    /// <summary>A session ends after this long without a request. Default 20 minutes.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(20);

    /// <summary>A session ends this long after sign-in, however busy. Default 10 hours, a working day.</summary>
    public TimeSpan AbsoluteLifetime { get; init; } = TimeSpan.FromHours(10);
}

/// <summary>What a session check found.</summary>
public abstract record SessionCheck
{
    /// <summary>The session is open and belongs to <paramref name="Username"/>.</summary>
    public sealed record Open(string Username) : SessionCheck;

    /// <summary>The session is over, for the reason given.</summary>
    public sealed record Ended(string Reason) : SessionCheck;
}
