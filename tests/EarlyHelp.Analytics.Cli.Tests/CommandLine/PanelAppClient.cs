using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Web;
using Microsoft.AspNetCore.Builder;

namespace EarlyHelp.Analytics.Cli.Tests.CommandLine;

/// <summary>
/// The panel app on loopback over a hub file, and a client that keeps its cookies and follows no redirect, for tests that
/// check what a command made as the app's users meet it.
/// </summary>
internal sealed partial class PanelAppClient : IAsyncDisposable
{
    private readonly WebApplication app;

    private PanelAppClient(WebApplication app, HttpClient http) => (this.app, Http) = (app, http);

    /// <summary>The client.</summary>
    public HttpClient Http { get; }

    /// <summary>Starts the app over <paramref name="hub"/> on a port the system picks.</summary>
    public static async Task<PanelAppClient> StartAsync(string hub)
    {
        var app = PanelApp.Create([], new Dictionary<string, string?> { ["Panel:HubPath"] = hub, ["Panel:AllowInsecureHttp"] = "true" });
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync();
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = new Uri(app.Urls.First()) };
        return new PanelAppClient(app, http);
    }

    /// <summary>Signs in with the sign-in form; the app answers a good sign-in with a redirect.</summary>
    public async Task SignInAsync(string username, string password)
    {
        using var response = await PostFormAsync("/sign-in", ("Username", username), ("Password", password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    /// <summary>Posts <paramref name="fields"/> to the form at <paramref name="path"/>, with the anti-forgery token read from it.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, params (string Name, string Value)[] fields)
    {
        var form = await Http.GetStringAsync(path);
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        return await Http.PostAsync(path, new FormUrlEncodedContent(
            [.. fields.Select(f => KeyValuePair.Create(f.Name, f.Value)), KeyValuePair.Create("__RequestVerificationToken", token)]));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
