using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Hub.Lifecycle;

namespace EarlyHelp.Analytics.Cli.Retention;

/// <summary>The three periods as options of <c>retention apply</c> and <c>retention set</c>; an option not given keeps the hub's period.</summary>
internal sealed class RetentionPeriodOptions
{
    private readonly Option<int?> registerMonths = new("--register-months")
    {
        Description = $"Months a register or relationship record is kept after its period ends. The hub's setting if not given (default {RetentionPeriods.Default.RegisterRecordMonths}).",
        HelpName = "N",
    };

    private readonly Option<int?> promptMonths = new("--prompt-months")
    {
        Description = $"Months a prompt, with its reviews, next steps and data-quality queries, is kept after the last thing done with it. The hub's setting if not given (default {RetentionPeriods.Default.PromptMonths}).",
        HelpName = "N",
    };

    private readonly Option<int?> auditMonths = new("--audit-months")
    {
        Description = $"Months an audit log entry is kept; at least the prompts' period. The hub's setting if not given (default {RetentionPeriods.Default.AuditLogMonths}).",
        HelpName = "N",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(registerMonths);
        command.Options.Add(promptMonths);
        command.Options.Add(auditMonths);
    }

    /// <summary>The hub's <paramref name="periods"/> with the options given; <see cref="UsageException"/> naming the option when one is out of range.</summary>
    public RetentionPeriods Over(RetentionPeriods periods, ParseResult parseResult)
    {
        var chosen = periods with
        {
            RegisterRecordMonths = parseResult.GetValue(registerMonths) ?? periods.RegisterRecordMonths,
            PromptMonths = parseResult.GetValue(promptMonths) ?? periods.PromptMonths,
            AuditLogMonths = parseResult.GetValue(auditMonths) ?? periods.AuditLogMonths,
        };
        if (chosen.Validate().FirstOrDefault() is { } problem)
        {
            throw new UsageException(problem.Replace("'RegisterRecordMonths'", "'--register-months'", StringComparison.Ordinal)
                .Replace("'PromptMonths'", "'--prompt-months'", StringComparison.Ordinal)
                .Replace("'AuditLogMonths'", "'--audit-months'", StringComparison.Ordinal));
        }
        return chosen;
    }
}
