namespace EarlyHelp.Analytics.Web.Tests.Hosting;

public sealed class PanelOptionsTests
{
    [Fact]
    public void Validate_Defaults_HaveNoProblems() => Assert.Empty(new PanelOptions().Validate());

    [Fact]
    public void Validate_OutOfRange_NamesEachOption()
    {
        var options = new PanelOptions
        {
            MaximumFailedSignIns = 0, LockoutMinutes = 0, SessionIdleMinutes = 481, SignInAttemptsPerMinute = 0, HubConnections = 0,
            SeedUsers = [new SeedUser { Username = "first.admin", Role = "boss" }],
        };

        Assert.Equal(
        [
            "The 'MaximumFailedSignIns' option must be at least 1. Got 0 instead.",
            "The 'LockoutMinutes' option must be at least 1. Got 0 instead.",
            "The 'SessionIdleMinutes' option must be in the range [1, 480]. Got 481 instead.",
            "The 'SignInAttemptsPerMinute' option must be at least 1. Got 0 instead.",
            "The 'HubConnections' option must be in the range [1, 256]. Got 0 instead.",
            "The 'SeedUsers' entry 'first.admin' must have a role of panel, analyst, ig, admin or matching. Got 'boss' instead.",
        ], options.Validate());
    }

    [Fact]
    public void Validate_SignInSettingsOutOfRange_NamesEachOption()
    {
        var options = new PanelOptions
        {
            MaximumFailedSignIns = 5, MaximumFailedSignInsPerName = 4, SessionLifetimeMinutes = 1441, AllowedHosts = " ; ",
            KnownProxies = "10.0.0.1; proxy.example", TwoFactorRoles = "admin;boss",
        };

        Assert.Equal(
        [
            "The 'MaximumFailedSignInsPerName' option must be at least 'MaximumFailedSignIns' (5). Got 4 instead.",
            "The 'SessionLifetimeMinutes' option must be in the range [1, 1440]. Got 1441 instead.",
            "The 'AllowedHosts' option must name at least one host. Got an empty value instead.",
            "The 'KnownProxies' option must hold IP addresses separated by ';'. Got 'proxy.example' instead.",
            "The 'TwoFactorRoles' option must hold role codes (panel, analyst, ig, admin, matching) separated by ';'. Got 'boss' instead.",
        ], options.Validate());
    }

    [Fact]
    public void Defaults_SecureCookiesTenHourSessionsAndASecondFactorForAdministratorsAndGovernance()
    {
        var options = new PanelOptions();

        Assert.Equal((false, TimeSpan.FromHours(10), TimeSpan.FromMinutes(20)), (options.AllowInsecureHttp, options.SessionPolicy.AbsoluteLifetime, options.SessionPolicy.IdleTimeout));
        Assert.Equal(new HashSet<Hub.Users.UserRole> { Hub.Users.UserRole.Administrator, Hub.Users.UserRole.Governance }, options.RolesNeedingTwoFactor);
        Assert.Empty(options.KnownProxyAddresses);
    }
}
