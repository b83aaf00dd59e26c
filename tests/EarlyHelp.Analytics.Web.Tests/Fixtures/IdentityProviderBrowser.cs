using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A browser for the sign-in flow: one cookie jar, requests to <c>localhost</c> go to the panel app on the test host
/// and all others over the network (to the identity provider on its loopback port), and redirects are followed hop
/// by hop, so that a test can watch or change a hop as an attacker in the middle would.
/// </summary>
public sealed class IdentityProviderBrowser : IDisposable
{
    private const int MaximumRedirects = 10;
    private readonly HttpMessageHandler panelApp;
    private readonly HttpClient http;

    /// <summary>A browser whose requests to the panel app go to <paramref name="panelApp"/>.</summary>
    public IdentityProviderBrowser(HttpMessageHandler panelApp)
    {
        this.panelApp = panelApp;
        http = NewClient();
    }

    /// <summary>The browser's cookies.</summary>
    public CookieContainer Cookies { get; } = new();

    /// <summary>Every address requested, in order.</summary>
    public List<Uri> Visited { get; } = [];

    /// <summary>
    /// GETs <paramref name="address"/> and follows redirects; before each redirect, <paramref name="rewrite"/> may change
    /// where it goes. Returns the last response, its address and its text.
    /// </summary>
    public async Task<(HttpStatusCode Status, Uri Address, string Html)> GoAsync(string address, Func<Uri, Uri>? rewrite = null)
    {
        var next = new Uri(Fixtures.PanelClient.BaseAddress, address);
        for (var hop = 0; hop <= MaximumRedirects; hop++)
        {
            Visited.Add(next);
            using var response = await http.GetAsync(next);
            if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect))
                return (response.StatusCode, next, await response.Content.ReadAsStringAsync());
            var location = new Uri(next, response.Headers.Location!);
            next = rewrite?.Invoke(location) ?? location;
        }
        throw new InvalidOperationException($"More than {MaximumRedirects} redirects from {address}.");
    }

    /// <summary>A client of the panel app that shares this browser's cookies (for forms with an anti-forgery token).</summary>
    public PanelClient PanelClient() => new(NewClient());

    /// <inheritdoc />
    public void Dispose()
    {
        http.Dispose();
        panelApp.Dispose();
    }

    private HttpClient NewClient() =>
        new(new CookieContainerHandler(Cookies) { InnerHandler = new HostRouter(panelApp) }) { BaseAddress = Fixtures.PanelClient.BaseAddress };

    /// <summary>Sends requests for <c>localhost</c> to the panel app, and the rest over the network.</summary>
    private sealed class HostRouter(HttpMessageHandler panelApp) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker network = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        private readonly HttpMessageInvoker app = new(panelApp, disposeHandler: false);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            (request.RequestUri!.Host == Fixtures.PanelClient.BaseAddress.Host ? app : network).SendAsync(request, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                network.Dispose();
            base.Dispose(disposing);
        }
    }
}
