using EarlyHelp.Analytics.Core;
using EarlyHelp.Analytics.Hub.Store;
using EarlyHelp.Analytics.Hub.Users;
using EarlyHelp.Analytics.Pipelines.Promotion;

namespace EarlyHelp.Analytics.Pipelines.Tests.Promotion;

/// <summary>
/// Only an information governance reviewer's account may promote, whoever calls the promoter: the check is the
/// promoter's own, made before the model is even looked up, so these tests need no trained model.
/// </summary>
public sealed class ModelPromoterReviewerTests : IDisposable
{
    private const string Password = "a long test passphrase";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"earlyhelp-promoter-{Guid.NewGuid():N}");
    private readonly IHubStore store;

    public ModelPromoterReviewerTests()
    {
        Directory.CreateDirectory(folder);
        store = HubStore.Open(Path.Combine(folder, "hub.db"));
        foreach (var (name, role) in new[] { ("an.analyst", UserRole.Analyst), ("an.administrator", UserRole.Administrator), ("ig.reviewer", UserRole.Governance), ("ig.leaver", UserRole.Governance) })
            Assert.IsType<UserChange.Done>(store.Users.Add(new NewUser(name, "A new user", role), Password, "tester"));
        Assert.IsType<UserChange.Done>(store.Users.SetDisabled("ig.leaver", true, "tester"));
    }

    [Theory]
    [InlineData("an.analyst", "'an.analyst' is an account with the role analyst")]
    [InlineData("an.administrator", "'an.administrator' is an account with the role admin")]
    [InlineData("ig.leaver", "'ig.leaver' is switched off")]
    [InlineData("demo", "'demo' is not a hub account")]
    public void Promote_NotAnEnabledIgAccount_RefusedBeforeTheModelIsLookedAt(string by, string reason)
    {
        var refused = Assert.Throws<BadInputException>(() => ModelPromoter.Promote(store, "any-model", by, "A note."));

        Assert.Contains($"a promotion needs an enabled information governance (ig) reviewer's account; {reason}", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(store.AuditLog.Entries(), e => e.Action.StartsWith("model.", StringComparison.Ordinal));
    }

    [Fact]
    public void Promote_IgAccount_GoesOnToTheModel()
    {
        // Past the reviewer check, the next refusal is the model's: none of this name is registered.
        var refused = Assert.Throws<BadInputException>(() => ModelPromoter.Promote(store, "any-model", "IG.Reviewer", "A note."));

        Assert.Contains("no model of this name is registered", refused.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        store.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
