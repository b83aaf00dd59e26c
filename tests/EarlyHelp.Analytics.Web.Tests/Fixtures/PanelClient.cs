using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>An HTTP client of the panel app that keeps its cookies, signs in, and posts forms with the anti-forgery token a page gave it.</summary>
public sealed partial class PanelClient(HttpClient http) : IDisposable
{
    /// <summary>The anti-forgery field's name.</summary>
    public const string TokenField = "__RequestVerificationToken";

    /// <summary>The session cookie's name.</summary>
    public const string SessionCookie = "earlyhelp-session";

    /// <summary>The address clients use: HTTPS, since the app's cookies are Secure and a cookie jar sends them only over HTTPS.</summary>
    public static readonly Uri BaseAddress = new("https://localhost");

    /// <summary>
    /// A new client of <paramref name="factory"/>'s app that does not follow redirects and keeps its cookies in
    /// <paramref name="cookies"/> (a new jar when null), so that a test can copy a cookie from one client to another.
    /// </summary>
    public static PanelClient Create(WebApplicationFactory<Program> factory, CookieContainer? cookies = null) =>
        new(factory.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies ?? new CookieContainer())));

    /// <summary>Sends every later request as from <paramref name="address"/>, as a known proxy in front of the app would say.</summary>
    public PanelClient From(string address)
    {
        http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return this;
    }

    /// <summary>The underlying client (no automatic redirects).</summary>
    public HttpClient Http => http;

    /// <summary>Signs in through the form; fails the test unless the app redirects away from the sign-in page.</summary>
    public async Task SignInAsync(string username, string password)
    {
        var response = await PostFormAsync("/sign-in", "/sign-in", ("Username", username), ("Password", password));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Signing in as {username} gave {(int)response.StatusCode}.");
    }

    /// <summary>GETs a page and returns its status and text.</summary>
    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string path)
    {
        using var response = await http.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>POSTs a form to <paramref name="path"/> with the token from the page at <paramref name="tokenPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, string tokenPage, params (string Name, string Value)[] fields)
    {
        var (_, html) = await GetAsync(tokenPage);
        return await PostAsync(path, [.. fields, (TokenField, Token(html))]);
    }

    /// <summary>POSTs exactly the fields given (no token unless among them).</summary>
    public Task<HttpResponseMessage> PostAsync(string path, params (string Name, string Value)[] fields) =>
        http.PostAsync(path, new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))));

    /// <summary>The anti-forgery token in a page's first form that has one.</summary>
    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page holds no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <inheritdoc />
    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
