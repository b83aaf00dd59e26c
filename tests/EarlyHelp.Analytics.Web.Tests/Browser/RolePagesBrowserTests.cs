using EarlyHelp.Analytics.Web.Tests.Fixtures;
using OpenQA.Selenium;
using static EarlyHelp.Analytics.Web.Tests.Browser.PanelBrowserTests;

namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>Each role signs in and opens every page of its navigation in a real browser; each page must answer and is kept as a screenshot.</summary>
public sealed class RolePagesBrowserTests
{
    [BrowserFact]
    public async Task EachRole_OpensEveryNavigationPage_ScreenshotsKept()
    {
        using var hub = new SampleHub();
        await using var app = await StartAppAsync(hub);
        var site = app.Urls.First();
        using var browser = StartChromium(Path.Combine(hub.Folder, "chromium-profile"));

        foreach (var (role, username) in SampleHub.UserByRole)
        {
            SignIn(browser, site, username);
            Screenshots.Save(browser, $"{role}-home");
            var links = browser.FindElements(By.CssSelector("nav a")).Select(a => (Text: a.Text, Href: a.GetAttribute("href") ?? "")).ToArray();
            Assert.NotEmpty(links);
            foreach (var (text, href) in links)
            {
                browser.Navigate().GoToUrl(href);
                // A page the role may open has its own heading; a refusal would say so instead.
                Assert.DoesNotContain("You do not have access to this page", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
                Screenshots.Save(browser, $"{role}-{new Uri(href).AbsolutePath.Trim('/').Replace('/', '-')}");
            }
            browser.FindElement(By.CssSelector("header form button")).Click();
        }
        await app.StopAsync();
    }
}
