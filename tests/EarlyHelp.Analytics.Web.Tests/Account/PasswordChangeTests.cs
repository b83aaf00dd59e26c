using System.Net;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>Changing one's own password: guesses of the current one are throttled like sign-ins, and every attempt is audited.</summary>
public sealed class PasswordChangeTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Fact]
    public async Task ChangePassword_WrongCurrentPasswordThreeTimes_LockedAndEachAudited()
    {
        using var client = await site.NewUserSignedInAsync("left.signed.in", "203.0.113.40");

        var answers = new List<string>();
        for (var attempt = 1; attempt <= 4; attempt++)
            answers.Add(await ChangeAsync(client, "a guess at it " + attempt, "a brand new passphrase"));
        var withTheRightOne = await ChangeAsync(client, PanelSite.Password, "a brand new passphrase");

        Assert.All(answers.Take(2), html => Assert.Contains("The current password is not right.", html, StringComparison.Ordinal));
        Assert.All(answers.Skip(3).Append(withTheRightOne), html => Assert.Contains("Too many wrong passwords.", html, StringComparison.Ordinal));
        using var hub = site.OpenHub();
        var failures = hub.AuditLog.Entries().Where(e => (e.Actor, e.Action) == ("left.signed.in", "user.password_change.failure")).ToList();
        Assert.Equal(5, failures.Count);
        Assert.StartsWith("wrong current password (3 of 3 from 203.0.113.40, 3 of 6 from anywhere; locked until", failures[2].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_CommonNewPassword_RefusedWithTheReasonAndAudited()
    {
        using var client = await site.NewUserSignedInAsync("weak.chooser");

        var html = WebUtility.HtmlDecode(await ChangeAsync(client, PanelSite.Password, "Password2024!!!!"));

        Assert.Contains("The password is built on 'password', one of the most used passwords.", html, StringComparison.Ordinal);
        using var hub = site.OpenHub();
        Assert.Contains(hub.AuditLog.Entries(), e => (e.Actor, e.Action) == ("weak.chooser", "user.password_change.failure")
            && e.Detail.StartsWith("new password refused: The password is built on 'password'", StringComparison.Ordinal));
    }

    private static async Task<string> ChangeAsync(PanelClient client, string current, string replacement)
    {
        using var response = await client.PostFormAsync("/account/password", "/account/password",
            ("CurrentPassword", current), ("NewPassword", replacement), ("ConfirmPassword", replacement));
        return await response.Content.ReadAsStringAsync();
    }
}
