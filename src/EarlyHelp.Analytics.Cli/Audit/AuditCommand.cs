using System.CommandLine;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Evaluation;
using EarlyHelp.Analytics.Evaluation.Calibration;
using EarlyHelp.Analytics.Evaluation.Fairness;
using EarlyHelp.Analytics.Evaluation.Input;
using EarlyHelp.Analytics.Evaluation.Output;

namespace EarlyHelp.Analytics.Cli.Audit;

/// <summary>
/// <c>earlyhelp audit</c>: the fairness audit and calibration report on any CSV of scores, written
/// as fairness.json, fairness.html, calibration.json and calibration.html.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var options = new AuditOptions();
        var command = new Command("audit",
            "Fairness audit and calibration report of scores by group: rates, disparities with intervals and flags, " +
            "a capacity sweep, a proxy check, and reliability diagrams, as JSON and printable HTML.");
        foreach (var option in options.All)
            command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var request = options.Read(parseResult);
            var (file, fairness, calibration) = AsBadInput(request.ScoresFile, () =>
            {
                var file = ScoresCsvReader.Read(request.ScoresFile, request.Layout);
                var fairnessOptions = request.FairnessOptions(file.SelectionFlags);
                return ConsoleProgress.Run(output, progress =>
                {
                    var reporter = new ProgressAdapter(progress);
                    return (file, new FairnessAudit(fairnessOptions).Run(file.Population, reporter), new CalibrationAudit().Run(file.Population, reporter));
                });
            });
            foreach (var path in AuditOutput.Write(request.OutputFolder, fairness, calibration))
                output.WriteLine($"Wrote {path}");
            var flags = fairness.Findings.Count(f => f.Severity == "flag");
            output.WriteLine($"{file.Population.Count:N0} rows; {flags} disparity flag(s); {calibration.Findings.Count(f => f.Severity == "flag")} calibration flag(s).");
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs <paramref name="work"/>, reporting input the audit refuses as bad input in the scores file (exit code 1).</summary>
    private static T AsBadInput<T>(string scoresFile, Func<T> work)
    {
        try
        {
            return work();
        }
        catch (AuditInputException e)
        {
            throw new BadInputException(e.File ?? scoresFile, e.Line, e.Column, e.Reason);
        }
    }

    /// <summary>Passes the audit's progress to the command line's display.</summary>
    private sealed class ProgressAdapter(IProgress<WorkProgress> inner) : IProgress<AuditProgress>
    {
        public void Report(AuditProgress value) => inner.Report(new WorkProgress(value.Stage, value.Done, value.Total));
    }
}
