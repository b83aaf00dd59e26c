using EarlyHelp.Analytics.Hub.Models;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using OpenQA.Selenium;
using static EarlyHelp.Analytics.Web.Tests.Browser.PanelBrowserTests;

namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>
/// A real browser: an analyst sees the proposed model; an IG reviewer opens it, submits a note that misses the fairness
/// flag (the error summary has the focus), then signs it off; the model is the champion. Screenshots of each page.
/// </summary>
public sealed class ModelSignOffBrowserTests
{
    [BrowserFact]
    public async Task IgReviewer_SignsOffTheProposedModel_ErrorFirstThenChampion()
    {
        using var hub = new SampleHub();
        await using var app = await StartAppAsync(hub);
        var site = app.Urls.First();
        using var browser = StartChromium(Path.Combine(hub.Folder, "chromium-profile"));

        SignIn(browser, site, SampleHub.UserByRole["analyst"]);
        Screenshots.Save(browser, "analyst-home");
        browser.FindElement(By.CssSelector("nav")).FindElement(By.LinkText("Models")).Click();
        Assert.Contains("Awaiting information governance", browser.FindElement(By.TagName("main")).Text, StringComparison.Ordinal);
        Screenshots.Save(browser, "analyst-models");
        browser.FindElement(By.CssSelector("header form button")).Click();

        SignIn(browser, site, SampleHub.UserByRole["ig"]);
        Screenshots.Save(browser, "ig-home");
        browser.FindElement(By.CssSelector("nav")).FindElement(By.LinkText("Models")).Click();
        browser.FindElement(By.CssSelector("main ul")).FindElement(By.LinkText(SampleHub.ModelName)).Click();
        Screenshots.Save(browser, "ig-model");
        browser.FindElement(By.Id("note")).SendKeys("Looks fine.");
        browser.FindElement(By.CssSelector("button[value='sign-off']")).Click();

        WaitForErrorPage(browser);
        Assert.Equal("error-summary", browser.SwitchTo().ActiveElement().GetAttribute("class"));
        Assert.Contains(SampleHub.ModelFlag, browser.FindElement(By.Id("note-error")).Text, StringComparison.Ordinal);
        Screenshots.Save(browser, "ig-model-error");
        var note = browser.FindElement(By.Id("note"));
        note.Clear();
        note.SendKeys($"{SampleHub.ModelFlag}: small group, wide interval; accepted and rechecked next quarter.");
        browser.FindElement(By.CssSelector("button[value='sign-off']")).Click();

        WaitForText(browser, By.TagName("main"), "Signed off by ig.reviewer");
        Screenshots.Save(browser, "ig-model-signed-off");
        browser.Navigate().GoToUrl($"{site}/audit-log");
        Screenshots.Save(browser, "ig-audit-log");
        await app.StopAsync();
        using var store = hub.Open();
        Assert.Equal(ModelStatus.Champion, store.Models.Find(SampleHub.ModelName)!.Status);
    }

    [BrowserFact]
    public async Task Analyst_ProposesInTheApp_IgSignsItOff()
    {
        using var hub = new SampleHub();
        using (var store = hub.Open())
            store.Models.Refuse(SampleHub.ModelName, "ig.reviewer", "Refused so that it can be proposed again.");
        var checks = RecordedChecks.Passing();
        await using var app = await StartAppAsync(hub, checks);
        var site = app.Urls.First();
        using var browser = StartChromium(Path.Combine(hub.Folder, "chromium-profile"));

        SignIn(browser, site, SampleHub.UserByRole["analyst"]);
        browser.Navigate().GoToUrl($"{site}/models/{SampleHub.ModelName}");
        Screenshots.Save(browser, "analyst-model-propose");
        browser.FindElement(By.Id("note")).SendKeys("Beats both baselines; IG to look at the ethnicity flag.");
        browser.FindElement(By.CssSelector("form[action$='/propose'] button[type=submit]")).Click();
        WaitForText(browser, By.TagName("main"), "Proposal 2: awaiting information governance");
        Assert.Equal(1, checks.Calls);
        Screenshots.Save(browser, "analyst-model-proposed");
        browser.FindElement(By.CssSelector("header form button")).Click();

        SignIn(browser, site, SampleHub.UserByRole["ig"]);
        browser.Navigate().GoToUrl($"{site}/models/{SampleHub.ModelName}");
        browser.FindElement(By.Id("note")).SendKeys($"{SampleHub.ModelFlag}: small group, wide interval; accepted and rechecked next quarter.");
        browser.FindElement(By.CssSelector("button[value='sign-off']")).Click();
        WaitForText(browser, By.TagName("main"), "Signed off by ig.reviewer");
        Screenshots.Save(browser, "ig-model-signed-off-after-app-proposal");
        await app.StopAsync();
        using var after = hub.Open();
        Assert.Equal(ModelStatus.Champion, after.Models.Find(SampleHub.ModelName)!.Status);
        Assert.Equal("an.analyst", after.Models.Proposals(SampleHub.ModelName)[^1].ProposedBy);
    }
}
