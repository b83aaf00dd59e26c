using EarlyHelp.Analytics.Hub.Users;
using Microsoft.AspNetCore.Hosting;

namespace EarlyHelp.Analytics.Web.Tests.Fixtures;

/// <summary>
/// A <see cref="PanelSite"/> that also signs users in through <see cref="Provider"/>, a <see cref="TestIdentityProvider"/>
/// on a loopback port. Group <c>g-ROLE</c> (e.g. <c>g-panel</c>) maps to each role; the client secret is in a file.
/// </summary>
public sealed class IdentityProviderSite : PanelSite
{
    /// <summary>The identity provider.</summary>
    public TestIdentityProvider Provider { get; } = TestIdentityProvider.StartAsync().GetAwaiter().GetResult();

    /// <summary>The group whose members get <paramref name="role"/>.</summary>
    public static string GroupOf(UserRole role) => $"g-{role.Code()}";

    /// <summary>A browser on this site and the identity provider, with a jar of its own.</summary>
    public IdentityProviderBrowser Browser() => new(Server.CreateHandler());

    protected override void ConfigureSite(IWebHostBuilder builder)
    {
        var secretFile = Path.Combine(Folder, "oidc-client-secret");
        File.WriteAllText(secretFile, TestIdentityProvider.ClientSecret + "\n");
        builder.UseSetting("Panel:OpenIdConnect:Authority", Provider.Issuer);
        builder.UseSetting("Panel:OpenIdConnect:ClientId", TestIdentityProvider.ClientId);
        builder.UseSetting("Panel:OpenIdConnect:ClientSecretFile", secretFile);
        foreach (var role in Enum.GetValues<UserRole>())
            builder.UseSetting($"Panel:OpenIdConnect:RoleGroups:{role.Code()}", GroupOf(role));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
            Provider.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
