using EarlyHelp.Analytics.Cli.CommandLine;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>The root help groups every verb by who uses it; a mistyped verb names the one meant; help never trips over required options.</summary>
public sealed class HelpTests
{
    [Fact]
    public void RootHelp_ListsEveryVerbOnceUnderItsAudienceWithAnExample()
    {
        var (exit, output, _) = CommandRunner.Run("--help");

        Assert.Equal(ExitCodes.Success, exit);
        var verbs = EarlyHelpCommand.Create().Subcommands.Select(c => c.Name).Order(StringComparer.Ordinal);
        Assert.Equal(verbs, RootHelp.Groups.SelectMany(g => g.Verbs).Order(StringComparer.Ordinal));
        foreach (var (audience, names, example) in RootHelp.Groups)
        {
            Assert.Contains(audience, output, StringComparison.Ordinal);
            Assert.Contains($"e.g. {example}", output, StringComparison.Ordinal);
            Assert.All(names, name => Assert.Contains($"\n  {name} ", output, StringComparison.Ordinal));
        }
        Assert.All(output.Split('\n'), line => Assert.True(line.TrimEnd('\r').Length <= 100, line));
    }

    [Fact]
    public void Bare_PrintsTheGroupedHelp()
    {
        var (exit, output, _) = CommandRunner.Run();

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.Contains("Analysts: load, link, train and score", output, StringComparison.Ordinal);
    }

    [Fact]
    public void VerbHelp_RequiredOptionsMissing_ShowsTheHelp()
    {
        var (exit, output, error) = CommandRunner.Run("score", "--help");

        Assert.Equal((ExitCodes.Success, ""), (exit, error));
        Assert.Contains("--capacity <K> (REQUIRED)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "trian", "--hub", "x.db" }, "earlyhelp: 'trian' is not a verb of earlyhelp. Did you mean 'earlyhelp train'?")]
    [InlineData(new[] { "sore" }, "earlyhelp: 'sore' is not a verb of earlyhelp. Did you mean 'earlyhelp score'?")]
    [InlineData(new[] { "models", "promot", "m1" }, "earlyhelp: 'promot' is not a verb of earlyhelp models. Did you mean 'earlyhelp models promote'?")]
    [InlineData(new[] { "audit-lo" }, "earlyhelp: 'audit-lo' is not a verb of earlyhelp. Did you mean 'earlyhelp audit-log'?")]
    public void MistypedVerb_OneLineNamingTheVerbMeant(string[] args, string expected)
    {
        var (exit, _, error) = CommandRunner.Run(args);

        Assert.Equal((ExitCodes.BadUsage, expected), (exit, error.TrimEnd()));
    }

    [Fact]
    public void UnknownWord_ListsTheVerbs()
    {
        var (exit, _, error) = CommandRunner.Run("xyzzy");

        Assert.Equal(ExitCodes.BadUsage, exit);
        Assert.StartsWith("earlyhelp: 'xyzzy' is not a verb of earlyhelp. The verbs are: generate, ingest,", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("train", "train", 0)]
    [InlineData("trian", "train", 1)]
    [InlineData("sore", "score", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "demo", 4)]
    public void Distance_MatchesHandCountedEdits(string a, string b, int edits) => Assert.Equal(edits, VerbSuggestion.Distance(a, b));
}
