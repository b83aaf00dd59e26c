using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Security;

/// <summary>A form post without the anti-forgery token the app issued is refused with 400, and nothing is stored.</summary>
public sealed class AntiforgeryTests(PanelSite site) : IClassFixture<PanelSite>
{
    public static TheoryData<string> Tokens => new()
    {
        "",
        "CfDJ8ForgedTokenThatThisAppNeverIssued",
    };

    [Theory]
    [MemberData(nameof(Tokens))]
    public async Task Review_MissingOrForgedToken_BadRequestAndNothingStored(string token)
    {
        var panel = await site.ClientForRoleAsync("panel");
        var fields = new List<(string, string)> { ("Outcome", "no_action_needed"), ("Reason", "A reason") };
        if (token.Length > 0)
            fields.Add((PanelClient.TokenField, token));

        using var response = await panel.PostAsync($"/prompts/{site.References[0]}", [.. fields]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The form could not be accepted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.Reviews(site.References[0]));
    }

    [Fact]
    public async Task Review_TokenIssuedToAnotherUser_BadRequest()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var other = await site.ClientAsync("second.panel");
        var (_, html) = await other.GetAsync("/");

        using var response = await panel.PostAsync($"/prompts/{site.References[0]}",
            ("Outcome", "no_action_needed"), ("Reason", "A reason"), (PanelClient.TokenField, PanelClient.Token(html)));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.Reviews(site.References[0]));
    }

    [Fact]
    public async Task OptOut_ForgedToken_BadRequestAndNothingStored()
    {
        var admin = await site.ClientForRoleAsync("admin");

        using var response = await admin.PostAsync("/opt-outs", ("Person", "101"), ("Reason", "objected"), (PanelClient.TokenField, "forged"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var store = site.OpenHub();
        Assert.Empty(store.OptOuts.List());
    }
}
