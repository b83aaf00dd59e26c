using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>Role home pages: the panel's queue and the models and scoring at a glance, in counts with the plurals right.</summary>
public sealed class HomeOverviewTests
{
    [Fact]
    public async Task Home_PanelMemberAfterOneOffer_CountsPromptsAwaitingAndOffersWithoutSteps()
    {
        using var site = new PanelSite();
        var panel = await site.ClientForRoleAsync("panel");
        var reference = site.References[2].Value;
        using (await panel.PostFormAsync($"/prompts/{reference}", $"/prompts/{reference}", ("Outcome", "offer_early_help"), ("Reason", "Rising arrears"), ("Supersedes", ""))) { }

        var (_, html) = await panel.GetAsync("/");

        // SampleRun's 10 prompts, one reviewed (an offer, with no step yet).
        Assert.Contains(">10 prompts</a> for professional review", html, StringComparison.Ordinal);
        Assert.Contains(">9 prompts await</a> a review", html, StringComparison.Ordinal);
        Assert.Contains(">1 family was</a> offered early help; 1 has no step recorded", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reference, html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyst")]
    [InlineData("ig")]
    public async Task Home_AnalystOrIg_ModelsOverviewAndNoQueue(string role)
    {
        using var site = new PanelSite();
        var client = await site.ClientForRoleAsync(role);

        var (_, html) = await client.GetAsync("/");

        // SampleHub: no champion, sample-model proposed and awaiting IG, and run 1 of 4,812 families with 10 prompts.
        Assert.Contains("There is no champion: scoring runs only as trials.", html, StringComparison.Ordinal);
        Assert.Contains($"1 proposal awaits an information governance decision:</span>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/models/{SampleHub.ModelName}\">{SampleHub.ModelName}</a>", html, StringComparison.Ordinal);
        Assert.Contains("Newest scoring run: run 1, as of 1 Mar 2024, 4,812 families scored, 10 prompts.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("This month's queue", html, StringComparison.Ordinal);
    }
}
