using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using OpenQA.Selenium;
using static EarlyHelp.Analytics.Web.Tests.Browser.PanelBrowserTests;

namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>
/// A real browser: an administrator adds a user and reads the password shown once; the new user signs in with it, is
/// taken to the password page, is taken back there when they try the queue, chooses their own and reaches the queue.
/// </summary>
public sealed partial class FirstSignInBrowserTests
{
    [BrowserFact]
    public async Task NewUser_FirstSignIn_MustChooseTheirOwnPasswordFirst()
    {
        using var hub = new SampleHub();
        await using var app = await StartAppAsync(hub);
        var site = app.Urls.First();
        using var browser = StartChromium(Path.Combine(hub.Folder, "chromium-profile"));

        SignIn(browser, site, SampleHub.UserByRole["admin"]);
        browser.Navigate().GoToUrl($"{site}/users");
        browser.FindElement(By.Id("username")).SendKeys("first.timer");
        browser.FindElement(By.Id("display-name")).SendKeys("First timer");
        browser.FindElement(By.CssSelector("form[action='/users/add'] button[type=submit]")).Click();
        var password = GeneratedPassword().Match(browser.FindElement(By.CssSelector("div.notice")).Text).Groups[1].Value;
        Assert.NotEqual("", password);
        Screenshots.Save(browser, "admin-user-added");
        browser.FindElement(By.CssSelector("header form button")).Click();

        browser.Navigate().GoToUrl($"{site}/sign-in");
        browser.FindElement(By.Id("username")).SendKeys("first.timer");
        browser.FindElement(By.Id("password")).SendKeys(password);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        WaitForText(browser, By.TagName("main"), "An administrator set the password you signed in with.");
        Assert.EndsWith("/account/password", browser.Url, StringComparison.Ordinal);
        Screenshots.Save(browser, "first-sign-in-password");
        browser.Navigate().GoToUrl($"{site}/prompts");
        Assert.EndsWith("/account/password", browser.Url, StringComparison.Ordinal);

        browser.FindElement(By.Id("current")).SendKeys(password);
        browser.FindElement(By.Id("new")).SendKeys("a tidy kettle under seven hills");
        browser.FindElement(By.Id("confirm")).SendKeys("a tidy kettle under seven hills");
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        WaitForText(browser, By.TagName("main"), "Your password has been changed.");
        browser.FindElement(By.LinkText("Continue to your home page")).Click();
        browser.Navigate().GoToUrl($"{site}/prompts");
        Assert.EndsWith("/prompts", browser.Url, StringComparison.Ordinal);
        Screenshots.Save(browser, "first-sign-in-queue");
        await app.StopAsync();
    }

    [GeneratedRegex(@"Password, shown this once: (\S+)")]
    private static partial Regex GeneratedPassword();
}
