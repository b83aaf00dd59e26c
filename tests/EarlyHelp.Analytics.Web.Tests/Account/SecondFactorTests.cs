using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Web.Tests.Fixtures;
using OtpNet;

namespace EarlyHelp.Analytics.Web.Tests.Account;

/// <summary>
/// The second factor: required of administrators and IG reviewers (this site's setting, and the default), enrolled at
/// the first sign-in, asked for after the password, and each code accepted once.
/// </summary>
public sealed partial class SecondFactorTests(ClockedPanelSite site) : IClassFixture<ClockedPanelSite>
{
    [Fact]
    public async Task Administrator_FirstSignIn_EnrolsThenEverySignInAsksForAFreshCode()
    {
        site.AddUser("second.admin", UserRole.Administrator);
        using var client = PanelClient.Create(site);

        // The password alone gives no session: only the enrolment page.
        using (var password = await PostSignInAsync(client, "second.admin"))
            Assert.Equal("/account/two-factor", password.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/users")).Status);
        var (_, enrolment) = await client.GetAsync("/account/two-factor");
        var secret = SecretShown().Match(enrolment).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains($"otpauth://totp/EarlyHelp:second.admin?secret={secret}&amp;issuer=EarlyHelp", enrolment, StringComparison.Ordinal);
        var code = CodeAt(secret, site.Clock.GetUtcNow());
        // Posted with the page's own token: opening the page again would start over with a new secret.
        using (var confirmed = await client.PostAsync("/account/two-factor", ("Code", code), (PanelClient.TokenField, PanelClient.Token(enrolment))))
            Assert.Equal("/", confirmed.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).Status);
        using (await client.PostFormAsync("/sign-out", "/users", []))
        {
        }

        // The next sign-in asks for a code; the one just used is refused within its step, the next step's accepted.
        using (var again = await PostSignInAsync(client, "second.admin"))
            Assert.Equal("/sign-in/code", again.Headers.Location?.ToString());
        using (var replayed = await client.PostFormAsync("/sign-in/code", "/sign-in/code", ("Code", code)))
            Assert.Contains("The code is not right.", await replayed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/users")).Status);
        site.Clock.Advance(TimeSpan.FromSeconds(30));
        using (var fresh = await client.PostFormAsync("/sign-in/code", "/sign-in/code", ("Code", CodeAt(secret, site.Clock.GetUtcNow()))))
            Assert.Equal("/", fresh.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/users")).Status);

        using var store = site.OpenHub();
        var actions = store.AuditLog.Entries().Where(e => e.Subject == "second.admin").Select(e => e.Action).ToList();
        Assert.Equal(["user.add", "sign_in.success", "user.two_factor.enrol", "sign_out", "sign_in.success", "sign_in.second_factor.failure", "sign_in.second_factor"],
            actions);
    }

    [Fact]
    public async Task PanelMember_NotRequired_SignsInWithThePasswordAlone()
    {
        site.AddUser("plain.member", UserRole.Panel);
        using var client = PanelClient.Create(site);

        using var response = await PostSignInAsync(client, "plain.member");

        Assert.Equal("/", response.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/prompts")).Status);
    }

    [Fact]
    public async Task CodePage_WithoutARightPassword_SendsToSignIn()
    {
        using var client = PanelClient.Create(site);

        using var response = await client.PostFormAsync("/sign-in/code", "/sign-in", ("Code", "123456"));

        Assert.Equal("/sign-in", response.Headers.Location?.ToString());
    }


    private static Task<HttpResponseMessage> PostSignInAsync(PanelClient client, string username) =>
        client.PostFormAsync("/sign-in", "/sign-in", ("Username", username), ("Password", PanelSite.Password));

    /// <summary>The code an authenticator app shows, computed by Otp.NET directly with the app defaults (SHA-1, 6 digits, 30 s).</summary>
    private static string CodeAt(string base32Secret, DateTimeOffset at) => new Totp(Base32Encoding.ToBytes(base32Secret)).ComputeTotp(at.UtcDateTime);

    [GeneratedRegex("<code id=\"secret\">([A-Z2-7 ]+)</code>")]
    private static partial Regex SecretShown();
}
