using System.Data.Common;
using System.Globalization;
using EarlyHelp.Analytics.Hub.Audit;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Lifecycle;

/// <summary>
/// The retention periods a hub keeps (<c>retention_setting</c>): set once by administrators or IG (<c>retention set</c>,
/// audited), then used by every load and every <c>retention apply</c>, so that an unattended load never deletes by periods
/// other than the ones stated. A period never set is the program's default (<see cref="RetentionPeriods"/>).
/// </summary>
public sealed class RetentionSettings
{
    /// <summary>The action of the audit entry of a change.</summary>
    public const string Action = "retention.set";

    private readonly DbConnection connection;
    private readonly AuditLog auditLog;
    private readonly TimeProvider clock;

    internal RetentionSettings(DbConnection connection, AuditLog auditLog, TimeProvider clock)
    {
        this.connection = connection;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /// <summary>The hub's periods: those set, over the defaults.</summary>
    public RetentionPeriods Read()
    {
        var set = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var command = connection.Command(null, "SELECT name, months FROM retention_setting"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
                set[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }
        var defaults = RetentionPeriods.Default;
        return defaults with
        {
            RegisterRecordMonths = set.GetValueOrDefault(nameof(RetentionPeriods.RegisterRecordMonths), defaults.RegisterRecordMonths),
            PromptMonths = set.GetValueOrDefault(nameof(RetentionPeriods.PromptMonths), defaults.PromptMonths),
            AuditLogMonths = set.GetValueOrDefault(nameof(RetentionPeriods.AuditLogMonths), defaults.AuditLogMonths),
        };
    }

    /// <summary>Keeps <paramref name="periods"/> as the hub's, with a <see cref="Action"/> audit entry, in one transaction; <see cref="ArgumentException"/> when one is out of range.</summary>
    public void Save(RetentionPeriods periods, string actor)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        if (periods.Validate().FirstOrDefault() is { } problem)
            throw new ArgumentException(problem, nameof(periods));
        var at = HubQueries.FormatTime(clock.GetUtcNow());
        using var transaction = connection.BeginWriteTransaction();
        connection.Execute(transaction, "DELETE FROM retention_setting");
        foreach (var (name, months) in new[]
        {
            (nameof(RetentionPeriods.RegisterRecordMonths), periods.RegisterRecordMonths),
            (nameof(RetentionPeriods.PromptMonths), periods.PromptMonths),
            (nameof(RetentionPeriods.AuditLogMonths), periods.AuditLogMonths),
        })
        {
            connection.Execute(transaction, "INSERT INTO retention_setting (name, months, set_by, set_at) VALUES (@p0, @p1, @p2, @p3)", name, months, actor, at);
        }
        auditLog.Append(transaction, actor, Action, "hub", Describe(periods));
        transaction.Commit();
    }

    /// <summary>The periods in words, as the audit entry and the command line say them.</summary>
    public static string Describe(RetentionPeriods periods)
    {
        ArgumentNullException.ThrowIfNull(periods);
        return string.Create(CultureInfo.InvariantCulture,
            $"register records {periods.RegisterRecordMonths} months after they end, prompts {periods.PromptMonths} months after the last thing done with them, audit entries {periods.AuditLogMonths} months");
    }
}
