using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Cli.CommandLine;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;

namespace EarlyHelp.Analytics.Cli.Tests.Demo;

public sealed partial class DemoCommandTests
{
    [Fact]
    public void Demo_NoServe_RunsEveryStageToTheEnd()
    {
        var (exit, output, error) = SmallDemo.Result;

        Assert.True(exit == ExitCodes.Success, error);
        Assert.Contains("== 5/6 score the families and store the top prompts", output, StringComparison.Ordinal);
        Assert.Contains("== 6/6 create demo accounts and open the panel app", output, StringComparison.Ordinal);
        Assert.EndsWith($"Not serving (--no-serve). To open the panel app:{Environment.NewLine}  earlyhelp serve --hub {SmallDemo.Hub}{Environment.NewLine}", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_NoServe_NoLineIsWiderThanTheTerminal()
    {
        // The hub's path is the only text the demo does not choose; the test's temporary path is under 100 characters.
        var lines = SmallDemo.Result.Output.Split(Environment.NewLine);

        Assert.All(lines, line => Assert.True(line.Length <= RootHelp.Width, $"{line.Length} characters: {line}"));
    }

    [Fact]
    public void Demo_NoServe_StoresARunOfTwentyFivePrompts()
    {
        using var store = HubStore.Open(SmallDemo.CopyHub());

        var run = Assert.Single(store.Prompts.Runs());

        Assert.Equal((25, 25, "demo-model", "demo"), (run.Capacity, run.PromptCount, run.Model.Name, run.CreatedBy));
        Assert.Equal(store.ExtractDate!.Value.AddDays(1), run.AsOf);
        // A model the demo could not promote is scored as a marked trial, never as if it were the champion.
        var promoted = store.Models.Champion() is not null;
        Assert.Equal(!promoted, run.Trial);
        Assert.Equal(!promoted, SmallDemo.Result.Output.Contains("scores with it as a trial", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_NoServe_PrintsOneAccountPerRoleThatSignsIn()
    {
        var accounts = AccountLine().Matches(SmallDemo.Result.Output).Select(m => (m.Groups["user"].Value, m.Groups["password"].Value)).ToArray();
        using var store = HubStore.Open(SmallDemo.CopyHub());

        Assert.Equal(["demo.panel", "demo.analyst", "demo.ig", "demo.admin", "demo.matching"], accounts.Select(a => a.Item1));
        Assert.Equal(UserRoles.All, accounts.Select(a => store.Users.Find(a.Item1)!.Role));
        Assert.All(accounts, a => Assert.IsType<SignInOutcome.Succeeded>(store.Users.SignIn(a.Item1, a.Item2, new LockoutPolicy())));
        Assert.Equal(5, accounts.Select(a => a.Item2).Distinct().Count());
    }

    [Fact]
    public void Demo_NoServe_PromptsCarryTheWording()
    {
        Assert.Contains($"25 prompts stored. {Prompt.Wording}.", SmallDemo.Result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Demo_SmallCity_FairnessNotAssessableRatherThanNoFlag()
    {
        // 3,000 people: the panel's capacity (half a per cent of the eligible families) expects fewer than 5 selected
        // in every group, so the audit can judge none, and the summary and the promotion checks must say so.
        var output = SmallDemo.Result.Output;

        Assert.Contains("Fairness: not assessable, so no flag could be raised (every one of the ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Fairness: no flag", output, StringComparison.Ordinal);
        Assert.Contains("FAIL  fairness assessable: fairness audit on the test families: not assessable", output, StringComparison.Ordinal);
    }

    // An account's line in the closing box: "|   role   user   password |".
    [GeneratedRegex(@"^\|   .+?  (?<user>demo\.\w+)\s+(?<password>[0-9a-z]{5}(-[0-9a-z]{5}){3}) +\|$", RegexOptions.Multiline)]
    private static partial Regex AccountLine();
}
