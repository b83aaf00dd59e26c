using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using EarlyHelp.Analytics.Web.Tests.Programme;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using OpenQA.Selenium.Support.UI;
using OpenQA.Selenium.Chrome;

namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>
/// A real browser against the app on Kestrel: headless Chromium signs in as a panel member, sees the queue's reasons and
/// markers, opens the top prompt and its agencies with contacts, records a review and what happened next, opens the
/// information pack (then with names), sees the review in the queue and the programme view's comparison with the families
/// ranked below the cut-off, and an IG reviewer then finds the review in the audit log. Skipped, with the reason,
/// where Debian's chromium and chromium-driver are not installed (.ci/run installs them).
/// </summary>
public sealed class PanelBrowserTests
{
    private const string Chromium = BrowserFactAttribute.Chromium;
    private const string ChromeDriver = BrowserFactAttribute.ChromeDriver;

    [BrowserFact]
    public async Task PanelMember_ReviewsTheTopPrompt_ReviewShowsInQueueAndAuditLog()
    {
        using var hub = new SampleHub();
        await using var app = await StartAppAsync(hub);
        var site = app.Urls.First();
        using var browser = StartChromium(Path.Combine(hub.Folder, "chromium-profile"));
        var top = hub.References[0].Value;

        SignIn(browser, site, SampleHub.UserByRole["panel"]);
        browser.FindElement(By.LinkText("Prompt queue")).Click();
        Screenshots.Save(browser, "panel-queue");
        // The top prompt is family 1 of SampleRun: two children born Feb 2016 and Mar 2019, early help open, a plan ended 31 Oct 2023.
        var topRow = browser.FindElement(By.CssSelector("table tbody tr")).Text;
        Assert.Contains("2 children, aged 5 and 8", topRow, StringComparison.Ordinal);
        Assert.Contains("Agencies involved: Schools and Early help service", topRow, StringComparison.Ordinal);
        Assert.Contains("Open to early help", topRow, StringComparison.Ordinal);
        Assert.Contains("Children's social care involvement ended 4 months ago", topRow, StringComparison.Ordinal);
        browser.FindElement(By.LinkText(top)).Click();
        Screenshots.Save(browser, "panel-prompt");
        WaitForText(browser, By.CssSelector("table.agencies"), "Alex Morgan");
        Assert.Contains("Family support worker", browser.FindElement(By.CssSelector("table.agencies")).Text, StringComparison.Ordinal);
        Assert.Contains("Prompt for professional review — not a decision", browser.FindElement(By.CssSelector("p.not-a-decision")).Text, StringComparison.Ordinal);
        // Submitted empty first: GOV.UK's error pattern, with the summary at the top holding the focus.
        browser.FindElement(By.CssSelector("form[action='/prompts/" + top + "'] button[type=submit]")).Click();
        WaitForErrorPage(browser);
        Assert.Equal("error-summary", browser.SwitchTo().ActiveElement().GetAttribute("class"));
        Screenshots.Save(browser, "panel-review-error");
        browser.FindElement(By.Id("outcome-offer_early_help")).Click();
        browser.FindElement(By.Id("reason")).SendKeys("Call-outs rising; no service involved yet");
        browser.FindElement(By.CssSelector("form[action='/prompts/" + top + "'] button[type=submit]")).Click();

        WaitForText(browser, By.CssSelector("div.notice"), "Your review has been recorded.");
        Assert.Contains("Call-outs rising; no service involved yet", browser.FindElement(By.Id("history")).FindElement(By.XPath("following-sibling::table")).Text, StringComparison.Ordinal);
        // What happened next: the family was contacted today.
        var today = DateTime.UtcNow;
        browser.FindElement(By.Id("step-contacted")).Click();
        browser.FindElement(By.Id("step-day")).SendKeys(today.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
        browser.FindElement(By.Id("step-month")).SendKeys(today.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
        browser.FindElement(By.Id("step-year")).SendKeys(today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        browser.FindElement(By.Id("step-note")).SendKeys("Left a message with the school");
        browser.FindElement(By.CssSelector("form[action='/prompts/" + top + "/next'] button[type=submit]")).Click();
        Assert.Contains("Contacted", browser.FindElement(By.Id("next")).FindElement(By.XPath("following-sibling::table")).Text, StringComparison.Ordinal);
        Screenshots.Save(browser, "panel-what-happened-next");
        // The information pack: contacts without names, then the names for a stated purpose.
        browser.FindElement(By.LinkText("Information pack for the key worker")).Click();
        WaitForText(browser, By.TagName("h1"), "Information pack");
        Assert.Contains("Phone 0113 496 0001", browser.FindElement(By.CssSelector("table.agencies")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Forename101", browser.PageSource, StringComparison.Ordinal);
        Screenshots.Save(browser, "panel-information-pack");
        browser.FindElement(By.Id("purpose")).SendKeys("Key worker's first visit");
        browser.FindElement(By.CssSelector("form[action='/prompts/" + top + "/pack'] button[type=submit]")).Click();
        WaitForText(browser, By.CssSelector("table.names"), "Forename101");
        Screenshots.Save(browser, "panel-information-pack-named");
        browser.FindElement(By.LinkText("Prompt queue")).Click();
        var firstRow = browser.FindElement(By.CssSelector("table tbody tr"));
        Assert.Contains(top, firstRow.Text, StringComparison.Ordinal);
        Assert.Contains("Offer early help", firstRow.Text, StringComparison.Ordinal);
        // The programme view, once a second run with twenty families below its cut-off has a year of records: the prompted
        // families against the comparison set, counted by hand in Programme/ProgrammeTests (8 of 30 escalated; 5 of 22).
        using (var store = hub.Open())
            ProgrammeTests.PlantSecondRun(store);
        browser.FindElement(By.LinkText("Programme")).Click();
        WaitForText(browser, By.CssSelector("table.programme-comparison"), "All prompted families");
        var comparison = browser.FindElement(By.CssSelector("table.programme-comparison")).Text;
        Assert.Contains("All prompted families 30 30 8 27% (14% to 44%)", comparison, StringComparison.Ordinal);
        Assert.Contains("Comparison families: ranked just below the cut-off, not prompted 22 22 5 23% (10% to 43%)", comparison, StringComparison.Ordinal);
        Assert.Contains("Lower risk by construction.", browser.FindElement(By.CssSelector("ul.caveats")).Text, StringComparison.Ordinal);
        Screenshots.Save(browser, "panel-programme");

        browser.FindElement(By.CssSelector("header form button")).Click();
        SignIn(browser, site, SampleHub.UserByRole["ig"]);
        browser.Navigate().GoToUrl($"{site}/audit-log?action=review");
        var entry = browser.FindElement(By.CssSelector("table tbody tr"));
        Assert.Contains("panel.member", entry.Text, StringComparison.Ordinal);
        Assert.Contains("review.add", entry.Text, StringComparison.Ordinal);
        Assert.Contains(top, entry.Text, StringComparison.Ordinal);
        await app.StopAsync();
    }

    /// <summary>
    /// Waits up to 30 s for the page a refused form answers with (its title starts "Error: "), then checks it: a click
    /// returns before the answer has loaded on a busy machine.
    /// </summary>
    internal static void WaitForErrorPage(IWebDriver browser)
    {
        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(b => b.Title.StartsWith("Error: ", StringComparison.Ordinal));
        Assert.StartsWith("Error: ", browser.Title, StringComparison.Ordinal);
    }

    /// <summary>
    /// Waits up to 30 s until the element <paramref name="locator"/> finds holds <paramref name="text"/>: after a click the
    /// old page may still be showing, and its elements go stale when the new one loads.
    /// </summary>
    internal static void WaitForText(IWebDriver browser, By locator, string text)
    {
        var wait = new WebDriverWait(browser, TimeSpan.FromSeconds(30));
        wait.IgnoreExceptionTypes(typeof(StaleElementReferenceException), typeof(NoSuchElementException));
        wait.Until(b => b.FindElement(locator).Text.Contains(text, StringComparison.Ordinal));
    }

    /// <summary>The app on Kestrel over <paramref name="hub"/>, on a loopback port the system picks, plain HTTP, no second factor.</summary>
    internal static async Task<WebApplication> StartAppAsync(SampleHub hub, IProposalChecks? proposalChecks = null)
    {
        var app = PanelApp.Create([], new Dictionary<string, string?> { ["Panel:HubPath"] = hub.HubPath, ["Panel:AllowInsecureHttp"] = "true", ["Panel:TwoFactorRoles"] = "" }, proposalChecks);
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        return app;
    }

    /// <summary>Signs in through the sign-in page and waits for the home page.</summary>
    internal static void SignIn(ChromeDriver browser, string site, string username)
    {
        browser.Navigate().GoToUrl($"{site}/sign-in");
        browser.FindElement(By.Id("username")).SendKeys(username);
        browser.FindElement(By.Id("password")).SendKeys(SampleHub.Password);
        browser.FindElement(By.CssSelector("main form button[type=submit]")).Click();
        // The sign-in page's own heading can be read before the browser has left it: wait for the home page's.
        WaitForText(browser, By.TagName("h1"), "EarlyHelp panel");
        Assert.Equal("EarlyHelp panel", browser.FindElement(By.TagName("h1")).Text);
    }

    /// <summary>Headless Debian Chromium through chromium-driver, with its profile in <paramref name="profile"/>.</summary>
    internal static ChromeDriver StartChromium(string profile)
    {
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", $"--user-data-dir={profile}");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var browser = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        // A click that submits a form returns before the next page has loaded on a busy machine; lookups wait for it.
        browser.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(15);
        return browser;
    }
}
