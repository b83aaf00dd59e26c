using System.Globalization;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;

namespace EarlyHelp.Analytics.Hub.Prompts;

/// <summary>What happened next: dated steps after the panel offered early help, each recorded by a named person and audited.</summary>
public sealed partial class PromptStore
{
    /// <summary>Longest note on a step.</summary>
    public const int MaximumStepNoteLength = 1000;

    /// <summary>The steps recorded for <paramref name="reference"/>, in the order recorded.</summary>
    public IReadOnlyList<RecordedStep> NextSteps(PromptReference reference)
    {
        using var command = connection.Command(null,
            "SELECT step_id, step, step_date, note, recorded_by, recorded_at FROM prompt_next_step WHERE reference = @p0 ORDER BY step_id", reference.Value);
        using var reader = command.ExecuteReader();
        var steps = new List<RecordedStep>();
        while (reader.Read())
        {
            if (!Prompts.NextSteps.TryParse(reader.GetString(1), out var step))
                throw new InvalidDataException($"'{reader.GetString(1)}' is not a step.");
            steps.Add(new RecordedStep(reader.GetInt64(0), step, HubQueries.ParseDate(reader.GetString(2)), reader.GetString(3), reader.GetString(4), HubQueries.ParseTime(reader.GetString(5))));
        }
        return steps;
    }

    /// <summary>
    /// Records a step with its audit entry in one transaction, or returns the problems and stores nothing: the prompt's
    /// latest review must offer early help, the date must lie between that review's day and today, and the note must fit.
    /// </summary>
    public IReadOnlyList<string> RecordNextStep(PromptReference reference, NextStep step, DateOnly date, string note, string by)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        note = note?.Trim() ?? "";
        using var transaction = connection.BeginWriteTransaction();
        using (var command = connection.Command(transaction, "SELECT outcome, at FROM review WHERE reference = @p0 ORDER BY review_id DESC LIMIT 1", reference.Value))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read() || reader.GetString(0) != ReviewOutcome.OfferEarlyHelp.Code())
                return ["What happened next is recorded only after the panel's latest review offers early help."];
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var reviewed = DateOnly.FromDateTime(HubQueries.ParseTime(reader.GetString(1)).UtcDateTime);
            var problems = new List<string>();
            if (date > today)
                problems.Add("The date of the step must be today or in the past.");
            else if (date < reviewed)
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"The date of the step must be on or after the panel's review, {reviewed:d MMM yyyy}."));
            if (note.Length > MaximumStepNoteLength)
                problems.Add($"The note must be at most {MaximumStepNoteLength} characters. Got {note.Length} instead.");
            if (problems.Count > 0)
                return problems;
        }
        connection.Execute(transaction,
            "INSERT INTO prompt_next_step (reference, step, step_date, note, recorded_by, recorded_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5)",
            reference.Value, step.Code(), HubQueries.FormatDate(date), note, by, HubQueries.FormatTime(clock.GetUtcNow()));
        auditLog.Append(transaction, by, "prompt.next_step", reference.Value, $"{step.Code()} on {HubQueries.FormatDate(date)}");
        transaction.Commit();
        return [];
    }
}
