using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>Full-window PNG screenshots of the pages the browser tests pass through, kept as test artifacts.</summary>
internal static class Screenshots
{
    /// <summary>Where they are written: <c>screenshots/</c> in the test output folder.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Saves the current page as <c>NAME.png</c> and says where on the console.</summary>
    public static void Save(ChromeDriver browser, string name)
    {
        Directory.CreateDirectory(Folder);
        // The whole page rather than the first screenful: the window is sized to the document before the shot.
        var height = Convert.ToInt32(browser.ExecuteScript("return document.documentElement.scrollHeight"), System.Globalization.CultureInfo.InvariantCulture);
        browser.Manage().Window.Size = new System.Drawing.Size(1280, Math.Clamp(height, 600, 8000));
        var path = Path.Combine(Folder, name + ".png");
        browser.GetScreenshot().SaveAsFile(path);
        Console.WriteLine($"screenshot: {path}");
    }
}
