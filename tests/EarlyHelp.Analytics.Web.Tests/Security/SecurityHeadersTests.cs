using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Security;

/// <summary>Every answer carries the security headers; cookies are HTTP-only and same-site strict.</summary>
public sealed class SecurityHeadersTests(PanelSite site) : IClassFixture<PanelSite>
{
    [Theory]
    [InlineData("/sign-in")]
    [InlineData("/prompts")]
    [InlineData("/status/404")]
    [InlineData("/no/such/page")]
    public async Task Response_AnyPage_CarriesTheSecurityHeaders(string path)
    {
        var panel = await site.ClientForRoleAsync("panel");

        using var response = await panel.Http.GetAsync(path);

        string Header(string name) => string.Join(", ", response.Headers.TryGetValues(name, out var values) ? values : []);
        Assert.Equal("default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'", Header("Content-Security-Policy"));
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.Equal("same-origin", Header("Cross-Origin-Opener-Policy"));
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public async Task Pages_NoScriptNoInlineStyle()
    {
        var panel = await site.ClientForRoleAsync("panel");

        var (_, html) = await panel.GetAsync($"/prompts/{site.References[0]}");

        // The policy refuses both; the pages must not depend on them.
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_Cookies_HttpOnlyAndSameSiteStrict()
    {
        using var client = PanelClient.Create(site);
        using var form = await client.Http.GetAsync("/sign-in");
        var html = await form.Content.ReadAsStringAsync();

        using var signIn = await client.PostAsync("/sign-in",
            ("Username", "an.analyst"), ("Password", PanelSite.Password), (PanelClient.TokenField, PanelClient.Token(html)));

        var cookies = form.Headers.GetValues("Set-Cookie").Concat(signIn.Headers.GetValues("Set-Cookie")).ToArray();
        Assert.Contains(cookies, cookie => cookie.StartsWith("earlyhelp-antiforgery=", StringComparison.Ordinal));
        Assert.Contains(cookies, cookie => cookie.StartsWith("earlyhelp-session=", StringComparison.Ordinal));
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }
}
