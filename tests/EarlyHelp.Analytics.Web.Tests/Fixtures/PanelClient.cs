using System.Net;
using System.Text.RegularExpressions;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>An HTTP client of the panel app that keeps its cookies, signs in, and posts forms with the anti-forgery token a page gave it.</summary>
public sealed partial class PanelClient(HttpClient http) : IDisposable
{
    /// <summary>The anti-forgery field's name.</summary>
    public const string TokenField = "__RequestVerificationToken";

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
