using System.CommandLine;

namespace EarlyHelp.Analytics.Cli.Learn;

/// <summary>The <c>learn</c> verb: train gradient-boosted trees on a CSV file, and score CSV files with them.</summary>
internal static class LearnCommand
{
    /// <summary>The verb with its <c>fit</c> and <c>predict</c> subverbs.</summary>
    public static Command Create()
    {
        var learn = new Command("learn", "Trains gradient-boosted trees on a numeric CSV file (fit) and scores CSV files with a saved model (predict).");
        learn.Subcommands.Add(LearnFitCommand.Create());
        learn.Subcommands.Add(LearnPredictCommand.Create());
        return learn;
    }
}
