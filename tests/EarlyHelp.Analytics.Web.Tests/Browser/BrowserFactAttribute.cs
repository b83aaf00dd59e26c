namespace EarlyHelp.Analytics.Web.Tests.Browser;

/// <summary>
/// A fact that needs Debian's headless Chromium and its driver; where they are not installed the test
/// is reported as skipped with the reason, rather than passing without running (.ci/run installs them).
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Debian's Chromium.</summary>
    public const string Chromium = "/usr/bin/chromium";

    /// <summary>Debian's chromium-driver.</summary>
    public const string ChromeDriver = "/usr/bin/chromedriver";

    /// <summary>Marks the test skipped when the browser or its driver is absent.</summary>
    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
            Skip = $"needs {Chromium} and {ChromeDriver} (apt-get install chromium chromium-driver)";
    }
}
