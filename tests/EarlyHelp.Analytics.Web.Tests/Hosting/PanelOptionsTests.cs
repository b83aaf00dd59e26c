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
}
