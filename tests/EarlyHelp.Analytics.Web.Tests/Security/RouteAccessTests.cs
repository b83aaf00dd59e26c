using System.Net;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Security;

/// <summary>
/// Every route for every role, including anonymous: the status each gets, written out. 302 is the redirect to
/// sign-in, 403 the refusal of a signed-in user without the role. POSTs carry a valid token and input that is
/// refused, so the table changes nothing in the hub.
/// </summary>
public sealed class RouteAccessTests(PanelSite site) : IClassFixture<PanelSite>
{
    public static readonly string[] Roles = ["anonymous", "panel", "analyst", "ig", "admin", "matching"];

    // Columns:                          anonymous panel analyst ig admin matching
    public static TheoryData<string, string, string> Routes => new()
    {
        { "GET", "/", "302 200 200 200 200 200" },
        { "GET", "/sign-in", "200 200 200 200 200 200" },
        { "POST", "/sign-in", "200 200 200 200 200 200" },
        { "GET", "/sign-out", "302 200 200 200 200 200" },
        { "GET", "/styles/panel.css", "200 200 200 200 200 200" },
        { "GET", "/status/404", "404 404 404 404 404 404" },
        { "GET", "/account/password", "302 200 200 200 200 200" },
        { "POST", "/account/password", "302 200 200 200 200 200" },
        { "GET", "/account/two-factor", "302 200 200 200 200 200" },
        { "GET", "/sign-in/code", "302 302 302 302 302 302" },
        // Sign-in through an identity provider: off on this site, so its start page is not found; the pages it passes through are open to all.
        { "GET", "/sign-in/oidc", "404 404 404 404 404 404" },
        { "GET", "/sign-in/continue", "200 200 200 200 200 200" },
        { "GET", "/sign-in/refused", "403 403 403 403 403 403" },
        { "GET", "/prompts", "302 200 403 403 403 403" },
        { "GET", "/prompts/{prompt}", "302 200 403 403 403 403" },
        { "POST", "/prompts/{prompt}", "302 200 403 403 403 403" },
        { "GET", "/prompts/{prompt}/identify", "302 200 403 403 403 403" },
        { "POST", "/prompts/{prompt}/identify", "302 200 403 403 403 403" },
        { "GET", "/prompts/{prompt}/next", "302 302 403 403 403 403" },
        { "GET", "/prompts/{prompt}/pack", "302 200 403 403 403 403" },
        { "POST", "/prompts/{prompt}/pack", "302 200 403 403 403 403" },
        { "POST", "/prompts/{prompt}/next", "302 200 403 403 403 403" },
        { "GET", "/programme", "302 200 403 200 403 403" },
        { "GET", "/runs", "302 403 200 403 403 403" },
        { "GET", "/runs/{run}", "302 403 200 403 403 403" },
        { "GET", "/audit-log", "302 403 403 200 403 403" },
        { "GET", "/audit-log/export", "302 403 403 200 403 403" },
        { "POST", "/audit-log/verify", "302 403 403 200 403 403" },
        { "GET", "/review-statistics", "302 403 403 200 403 403" },
        { "GET", "/spot-check", "302 403 403 200 403 403" },
        { "GET", "/users", "302 403 403 403 200 403" },
        { "POST", "/users/add", "302 403 403 403 200 403" },
        { "POST", "/users/role", "302 403 403 403 200 403" },
        { "POST", "/users/unlock", "302 403 403 403 200 403" },
        { "POST", "/users/endsessions", "302 403 403 403 200 403" },
        { "POST", "/users/resettwofactor", "302 403 403 403 200 403" },
        { "POST", "/users/disable", "302 403 403 403 200 403" },
        { "POST", "/users/enable", "302 403 403 403 200 403" },
        { "POST", "/users/password", "302 403 403 403 200 403" },
        { "GET", "/opt-outs", "302 403 403 403 200 403" },
        { "POST", "/opt-outs", "302 403 403 403 200 403" },
        { "POST", "/opt-outs/withdraw", "302 403 403 403 200 403" },
        { "GET", "/data-quality", "302 403 403 403 200 403" },
        { "GET", "/people", "302 403 403 403 200 403" },
        { "POST", "/people/find", "302 403 403 403 200 403" },
        { "POST", "/people/open", "302 403 403 403 200 403" },
        { "POST", "/people/optout", "302 403 403 403 200 403" },
        { "POST", "/people/withdraw", "302 403 403 403 200 403" },
        { "POST", "/people/remove", "302 403 403 403 200 403" },
        { "POST", "/people/unlink", "302 403 403 403 200 403" },
        { "POST", "/people/subjectaccess", "302 403 403 403 200 403" },
        { "POST", "/data-quality/route", "302 403 403 403 200 403" },
        { "POST", "/data-quality/answer", "302 403 403 403 200 403" },
        { "GET", "/models", "302 403 200 200 403 403" },
        { "GET", "/models/{model}", "302 403 200 200 403 403" },
        { "POST", "/models/{model}/decision", "302 403 403 200 403 403" },
        { "GET", "/models/{model}/propose", "302 403 302 403 403 403" },
        // The sample model's folder is not on this machine, so its backtest page is not found for those who may read it.
        { "GET", "/models/{model}/backtest.html", "302 403 404 404 403 403" },
        { "POST", "/models/{model}/propose", "302 403 200 403 403 403" },
        { "GET", "/matching", "302 403 403 403 403 200" },
        { "GET", "/matching/pair/{pair}", "302 403 403 403 403 200" },
        { "POST", "/matching/pair/{pair}", "302 403 403 403 403 200" },
    };

    /// <summary>Refused input for each POST route: nothing it names exists, or a required field is empty.</summary>
    private static readonly Dictionary<string, (string, string)[]> RefusedInput = new()
    {
        ["/sign-in"] = [("Username", "nobody.at.all"), ("Password", "not a real password")],
        ["/account/password"] = [("CurrentPassword", "x"), ("NewPassword", "one"), ("ConfirmPassword", "two")],
        ["/prompts/{prompt}"] = [("Outcome", ""), ("Reason", "")],
        ["/prompts/{prompt}/identify"] = [("Purpose", "")],
        ["/prompts/{prompt}/pack"] = [("Purpose", "")],
        ["/prompts/{prompt}/next"] = [("Input.Step", ""), ("Input.Day", ""), ("Input.Month", ""), ("Input.Year", "")],
        ["/audit-log/verify"] = [],
        ["/users/add"] = [("Username", ""), ("DisplayName", ""), ("Role", "panel")],
        ["/users/role"] = [("Username", "nobody.at.all"), ("Role", "panel")],
        ["/users/unlock"] = [("Username", "nobody.at.all")],
        ["/users/endsessions"] = [("Username", "nobody.at.all")],
        ["/users/resettwofactor"] = [("Username", "nobody.at.all")],
        ["/users/disable"] = [("Username", "nobody.at.all")],
        ["/users/enable"] = [("Username", "nobody.at.all")],
        ["/users/password"] = [("Username", "nobody.at.all")],
        ["/opt-outs"] = [("Person", ""), ("Reason", "")],
        ["/opt-outs/withdraw"] = [("WithdrawPerson", ""), ("WithdrawReason", "")],
        ["/people/find"] = [("Forename", ""), ("Surname", ""), ("BirthDate", ""), ("Purpose", "")],
        ["/people/open"] = [("Person", ""), ("Purpose", "")],
        ["/people/optout"] = [("Person", ""), ("Purpose", ""), ("Reason", "")],
        ["/people/withdraw"] = [("Person", ""), ("Purpose", ""), ("Reason", "")],
        ["/people/remove"] = [("Person", ""), ("Purpose", ""), ("Reason", "")],
        ["/people/unlink"] = [("Person", ""), ("Purpose", ""), ("Reason", "")],
        ["/people/subjectaccess"] = [("Person", ""), ("Purpose", "")],
        ["/data-quality/route"] = [("Query", ""), ("Dataset", ""), ("Note", "")],
        ["/data-quality/answer"] = [("Query", ""), ("Answer", ""), ("Note", "")],
        ["/matching/pair/{pair}"] = [("Decision", ""), ("Reason", "")],
        ["/models/{model}/decision"] = [("Decision", "sign-off"), ("Note", "")],
        ["/models/{model}/propose"] = [("Note", "")],
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Route_EachRole_GetsTheWrittenStatus(string method, string route, string expected)
    {
        var path = route.Replace("{prompt}", site.References[0].Value, StringComparison.Ordinal)
            .Replace("{run}", site.Run.Id.ToString(), StringComparison.Ordinal)
            .Replace("{pair}", ClericalSample.Amira.Id, StringComparison.Ordinal)
            .Replace("{model}", SampleHub.ModelName, StringComparison.Ordinal);
        var actual = new List<string>();
        foreach (var role in Roles)
        {
            var client = await site.ClientForRoleAsync(role);
            HttpStatusCode status;
            string body;
            if (method == "GET")
            {
                (status, body) = await client.GetAsync(path);
            }
            else
            {
                using var response = await client.PostFormAsync(path, role == "anonymous" ? "/sign-in" : "/", RefusedInput[route]);
                (status, body) = (response.StatusCode, await response.Content.ReadAsStringAsync());
            }
            // The refusal of a sign-in through the identity provider has words of its own (IdentityProviderSignInTests).
            if (status == HttpStatusCode.Forbidden && route != "/sign-in/refused")
                Assert.Contains("You do not have access to this page", body, StringComparison.Ordinal);
            if (status == HttpStatusCode.Redirect && role == "anonymous")
                Assert.Contains("/sign-in", body.Length == 0 ? await Location(client, method, path) : body, StringComparison.Ordinal);
            actual.Add(((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Assert.Equal(expected, string.Join(' ', actual));
    }

    private static async Task<string> Location(PanelClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        using var response = await client.Http.SendAsync(request);
        return response.Headers.Location?.ToString() ?? "";
    }
}
