using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Core.Prompts;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Cli.Tests.CommandLine;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web;

namespace EarlyHelp.Analytics.Cli.Tests.Demo;

/// <summary>The panel app over the demo's hub, with prompts made by a real scoring run: what the pages show is what the run stored.</summary>
public sealed partial class DemoPanelPagesTests
{
    private const string Password = "a long test passphrase";

    [Fact]
    public async Task PromptPage_RealRun_ShowsEvidenceTrajectoriesAgenciesAndFreshness()
    {
        var hub = SmallDemo.CopyHub();
        Prompt[] prompts;
        using (var store = HubStore.Open(hub))
        {
            store.Users.Add(new NewUser("test.panel", "Test panel member", UserRole.Panel), Password, "tester");
            var run = store.Prompts.LatestRun()!;
            prompts = store.Prompts.Queue(run.Id, new()).Select(e => store.Prompts.Find(e.Reference)!).ToArray();
        }
        await using var app = await PanelAppClient.StartAsync(hub);
        var client = app.Http;
        await app.SignInAsync("test.panel", Password);

        var queue = await client.GetStringAsync("/prompts");
        // The prompt with an agency, if any, else the top one: the page must then show the agencies' table.
        var prompt = prompts.FirstOrDefault(p => p.Content.Agencies.Count > 0) ?? prompts[0];
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/prompts/{prompt.Reference}"));

        Assert.All(prompts, p => Assert.Contains(p.Reference.Value, queue, StringComparison.Ordinal));
        Assert.Contains(Prompt.Wording, page, StringComparison.Ordinal);
        Assert.All(prompt.Content.Evidence, item => Assert.Contains(item.Text, page, StringComparison.Ordinal));
        Assert.All(prompt.Content.EvidenceByProblem(), group => Assert.Contains($"<h3>{group.Heading}</h3>", page, StringComparison.Ordinal));
        Assert.Equal(ProblemCategories.Headline.Count, Svg().Matches(page).Count);
        Assert.All(prompt.Content.Trajectories, t => Assert.Contains($"<figcaption>{t.Category.PlainName()}</figcaption>", page, StringComparison.Ordinal));
        // The agencies the scoring pipeline found open at T (from the family's history) are among the records the hub kept
        // with the prompt when the run was saved (read from the hub apart): each dataset's earliest open record.
        Assert.All(prompt.Content.Agencies, a => Assert.Contains($"<td>{a.Agency}</td><td>{a.Dataset}</td><td>Open since {Display.Date(a.Since)}</td>", page, StringComparison.Ordinal));
        Assert.All(prompt.Content.Freshness, f => Assert.Contains(
            $"<td>{f.Agency}</td><td>{f.Dataset}</td><td>{Display.Date(f.LatestRecord)}</td><td>{Display.Date(f.ExtractDate)}</td>", page, StringComparison.Ordinal));
    }

    [GeneratedRegex("<svg[ >]")]
    private static partial Regex Svg();
}
