using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Panel;

/// <summary>Bad input gets a clear message and stores nothing.</summary>
public sealed class BadInputTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Theory]
    [InlineData("/prompts/P-0000-0000", "There is no prompt with the reference <strong>P-0000-0000</strong>")]
    [InlineData("/prompts/not-a-reference", "There is no prompt with the reference <strong>not-a-reference</strong>")]
    [InlineData("/prompts/P-0000-0000/identify", "There is no prompt with the reference <strong>P-0000-0000</strong>")]
    public async Task Get_UnknownReference_NotFoundWithAClearMessage(string path, string message)
    {
        var panel = await site.ClientForRoleAsync("panel");

        var (status, html) = await panel.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_NothingFilledIn_GovUkErrorPattern()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var page = $"/prompts/{site.References[5]}";

        using var response = await panel.PostFormAsync(page, page, ("Outcome", ""), ("Reason", ""), ("Supersedes", ""));
        var html = await response.Content.ReadAsStringAsync();

        // The title starts "Error: "; the summary comes before the heading, takes the focus, and links to each field;
        // each field carries its own message.
        Assert.Contains($"<title>Error: Prompt {site.References[5]}", html, StringComparison.Ordinal);
        Assert.Matches("<div class=\"error-summary\" role=\"alert\"[^>]*tabindex=\"-1\" autofocus", html);
        Assert.True(html.IndexOf("error-summary", StringComparison.Ordinal) < html.IndexOf("<h1>", StringComparison.Ordinal));
        Assert.Contains("<a href=\"#outcome-offer_early_help\">Choose an outcome.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#reason\">Give a reason for the outcome.</a>", html, StringComparison.Ordinal);
        Assert.Contains("<fieldset class=\"radios field-error\">", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"error-message\"><span class=\"visually-hidden\">Error: </span>Give a reason for the outcome.</span>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("offer_early_help", "", "Give a reason for the outcome.")]
    [InlineData("", "A reason", "Choose an outcome.")]
    [InlineData("refer_to_police", "A reason", "Choose an outcome.")]
    [InlineData("other", null, "The reason must be at most 2000 characters. Got 2001 instead.")]
    public async Task Review_BadField_FormAgainWithTheMessageAndNothingStored(string outcome, string? reason, string message)
    {
        var panel = await site.ClientForRoleAsync("panel");
        var page = $"/prompts/{site.References[4]}";

        using var response = await panel.PostFormAsync(page, page, ("Outcome", outcome), ("Reason", reason ?? new string('x', 2001)), ("Supersedes", ""));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.Contains("Nothing was saved.", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.Reviews(site.References[4]));
    }

    [Fact]
    public async Task Review_UnknownReference_NotFoundAndNothingStored()
    {
        var panel = await site.ClientForRoleAsync("panel");

        using var response = await panel.PostFormAsync("/prompts/P-0000-0000", "/", ("Outcome", "other"), ("Reason", "A reason"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action.StartsWith("review", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "State the purpose of seeing the family&#x27;s names.")]
    [InlineData(null, "The purpose must be at most 500 characters. Got 501 instead.")]
    public async Task Reidentify_BadPurpose_FormAgainAndNoNames(string? purpose, string message)
    {
        var panel = await site.ClientForRoleAsync("panel");
        var page = $"/prompts/{site.References[4]}/identify";

        using var response = await panel.PostFormAsync(page, page, ("Purpose", purpose ?? new string('x', 501)));

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain("Surname5", html, StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action == "prompt.reidentify");
    }

    [Theory]
    [InlineData("abc", "objected", "Enter the person&#x27;s hub id, a whole number such as 1042.")]
    [InlineData("42", "", "Give the reason, for example the right exercised.")]
    [InlineData("42", null, "The reason must be at most 500 characters. Got 501 instead.")]
    public async Task OptOut_BadField_FormAgainAndNothingStored(string person, string? reason, string message)
    {
        var admin = await site.ClientForRoleAsync("admin");

        using var response = await admin.PostFormAsync("/opt-outs", "/opt-outs", ("Person", person), ("Reason", reason ?? new string('x', 501)));

        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.OptOuts.List());
    }

    [Fact]
    public async Task Post_BodyOverTheLimit_RefusedAndNothingStored()
    {
        var panel = await site.ClientForRoleAsync("panel");
        var page = $"/prompts/{site.References[4]}";

        // 100,000 characters: over the 64 KiB body limit.
        using var response = await panel.PostFormAsync(page, page, ("Outcome", "other"), ("Reason", new string('x', 100_000)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("The form was too large", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var store = site.OpenHub();
        Assert.Empty(store.Prompts.Reviews(site.References[4]));
    }
}
