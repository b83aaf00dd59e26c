using System.Net;
using System.Text.RegularExpressions;
using EarlyHelp.Analytics.Web.Tests.Fixtures;

namespace EarlyHelp.Analytics.Web.Tests.Security;

/// <summary>
/// Every page every role can open, searched for forms: the set of places a form can POST to is exactly the
/// list below, every one carries an anti-forgery token, and no form or button acts towards a family (contacts,
/// refers, sends, notifies). The app records what people decided; it never does anything to a family itself.
/// </summary>
public sealed partial class FormTargetsTests(PanelSite site) : IClassFixture<PanelSite>
{
    /// <summary>Every POST target of the app, with a prompt's reference written {prompt} and a clerical pair's id {pair}.</summary>
    private static readonly string[] Expected =
    [
        "/account/password", "/account/two-factor", "/audit-log/verify", "/matching/pair/{pair}", "/opt-outs", "/people/find", "/prompts/{prompt}", "/prompts/{prompt}/identify",
        "/sign-in", "/sign-out", "/users/add", "/users/disable", "/users/enable", "/users/endsessions", "/users/password", "/users/role", "/users/unlock",
    ];

    [Fact]
    public async Task Pages_EveryRole_PostOnlyToTheKnownTargetsWithATokenAndNeverTowardsAFamily()
    {
        // A locked and a switched-off user, so that the unlock and switch-on forms show too.
        using (var store = site.OpenHub())
        {
            store.Users.Add(new("switched.off", "Switched off", Hub.Users.UserRole.Panel), PanelSite.Password, "tester");
            store.Users.SetDisabled("switched.off", true, "tester");
        }
        using (var stranger = PanelClient.Create(site))
        {
            for (var attempt = 0; attempt < 3; attempt++)
                using (await stranger.PostFormAsync("/sign-in", "/sign-in", ("Username", "second.panel"), ("Password", "wrong password here"))) { }
        }
        var pages = new Dictionary<string, string[]>
        {
            ["anonymous"] = ["/sign-in"],
            ["panel"] = ["/", "/account/password", "/account/two-factor", "/sign-out", "/prompts", "/prompts?status=awaiting", $"/prompts/{site.References[0]}", $"/prompts/{site.References[0]}/identify"],
            ["analyst"] = ["/", "/runs", $"/runs/{site.Run.Id}"],
            ["ig"] = ["/", "/audit-log", "/review-statistics"],
            ["admin"] = ["/", "/users", "/opt-outs", "/data-quality", "/people"],
            ["matching"] = ["/", "/matching", "/matching?status=all", $"/matching/pair/{ClericalSample.Amira.Id}"],
        };
        var targets = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (role, paths) in pages)
        {
            var client = await site.ClientForRoleAsync(role);
            foreach (var path in paths)
            {
                var (status, html) = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.OK, status);
                foreach (Match form in Form().Matches(html))
                {
                    var tag = form.Groups["tag"].Value;
                    var body = form.Groups["body"].Value;
                    var method = Attribute(tag, "method") ?? "get";
                    var action = Attribute(tag, "action");
                    Assert.False(action is null, $"A form on {path} has no explicit action.");
                    Assert.DoesNotMatch(TowardsAFamily(), $"{action} {body}");
                    if (method.Equals("post", StringComparison.OrdinalIgnoreCase))
                    {
                        Assert.Contains(PanelClient.TokenField, body, StringComparison.Ordinal);
                        targets.Add(action!.Replace(site.References[0].Value, "{prompt}", StringComparison.Ordinal).Replace(ClericalSample.Amira.Id, "{pair}", StringComparison.Ordinal));
                    }
                    else
                    {
                        Assert.Contains(action, new[] { "/prompts", "/audit-log", "/review-statistics", "/matching" });
                    }
                }
            }
        }

        Assert.Equal(Expected, targets);
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\b{name}=\"([^\"]*)\"") is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("<form(?<tag>[^>]*)>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex(@"\b(contact|refer|referral|send|notify|notification|email|letter|text message|phone|call|visit)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TowardsAFamily();
}
